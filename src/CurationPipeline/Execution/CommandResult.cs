namespace CurationPipeline.Execution;

/// <summary>What an external command returned.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="StandardOutput">Everything it wrote to stdout.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Whether it exited 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
