namespace CurationPipeline.Execution.Slurm;

/// <summary>A Slurm command (<c>sbatch</c>, <c>scontrol</c>, <c>squeue</c>) failed or answered something unreadable.</summary>
public sealed class SlurmCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="command">The command line that failed.</param>
    /// <param name="detail">What went wrong (its stderr, or what was unreadable).</param>
    public SlurmCommandException(string command, string detail)
        : base($"'{command}' failed: {detail.Trim()}")
    {
        Command = command;
    }

    /// <summary>The command line that failed.</summary>
    public string Command { get; }
}
