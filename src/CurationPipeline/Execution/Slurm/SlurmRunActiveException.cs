namespace CurationPipeline.Execution.Slurm;

/// <summary>Jobs of an earlier submission of the same output directory are still queued or running: submitting again would run their tasks twice.</summary>
public sealed class SlurmRunActiveException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="outputDirectory">The run's output directory.</param>
    /// <param name="jobIds">The earlier jobs still active.</param>
    public SlurmRunActiveException(string outputDirectory, IReadOnlyList<string> jobIds)
        : base($"'{outputDirectory}' has jobs of an earlier submission still queued or running ({string.Join(", ", jobIds)}); "
            + "wait for them (curate status shows them) or cancel them with scancel, then submit again.")
    {
        JobIds = jobIds;
    }

    /// <summary>The earlier jobs still active.</summary>
    public IReadOnlyList<string> JobIds { get; }
}
