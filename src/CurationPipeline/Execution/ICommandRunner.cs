namespace CurationPipeline.Execution;

/// <summary>Runs an external command and captures what it printed: how the Slurm launcher and <c>curate status</c> talk to
/// <c>sbatch</c>, <c>squeue</c> and <c>scontrol</c>, and what tests replace to check them without a cluster.</summary>
public interface ICommandRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> (passed as they are, no shell) and waits for it to end.</summary>
    /// <param name="fileName">The program, found on <c>PATH</c> when not a path.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="cancellationToken">Stops the wait and kills the command.</param>
    /// <returns>Its exit code and output.</returns>
    /// <exception cref="CommandNotFoundException">The program does not exist.</exception>
    Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
