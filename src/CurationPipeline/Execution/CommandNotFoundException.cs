namespace CurationPipeline.Execution;

/// <summary>An external command the run needs (<c>sbatch</c>, <c>squeue</c>, …) is not installed or not on <c>PATH</c>.</summary>
public sealed class CommandNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="command">The program that was not found.</param>
    /// <param name="inner">The error starting it.</param>
    public CommandNotFoundException(string command, Exception? inner = null)
        : base($"'{command}' was not found on PATH.", inner)
    {
        Command = command;
    }

    /// <summary>The program that was not found.</summary>
    public string Command { get; }
}
