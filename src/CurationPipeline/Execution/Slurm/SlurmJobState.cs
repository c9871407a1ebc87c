namespace CurationPipeline.Execution.Slurm;

/// <summary>What Slurm says about a job or one array element.</summary>
/// <param name="JobId">The job id (for an array element, the array's job id).</param>
/// <param name="ArrayIndex">The array index, or <c>null</c> for a single job.</param>
/// <param name="State">Slurm's state: <c>PENDING</c>, <c>RUNNING</c>, <c>COMPLETED</c>, <c>FAILED</c>, <c>CANCELLED</c>, <c>TIMEOUT</c>, …</param>
/// <param name="Reason">Why it waits (<c>Dependency</c>, <c>DependencyNeverSatisfied</c>, <c>Resources</c>), or empty.</param>
public sealed record SlurmJobState(string JobId, int? ArrayIndex, string State, string Reason)
{
    /// <summary>Slurm's state of a job waiting to start.</summary>
    public const string Pending = "PENDING";

    /// <summary>Slurm's reason for a job whose dependency failed: it will never start.</summary>
    public const string DependencyNeverSatisfied = "DependencyNeverSatisfied";

    /// <summary>Whether the job waits for a dependency that failed, so it will never start (unless cancelled it stays queued).</summary>
    public bool IsStuck => State == Pending && Reason == DependencyNeverSatisfied;

    /// <summary>Whether it runs or will run.</summary>
    public bool IsActive => !IsStuck && State is Pending or "RUNNING" or "CONFIGURING" or "COMPLETING" or "SUSPENDED" or "REQUEUED" or "RESIZING";

    /// <summary>Whether it ended without success (by accounting: failed, cancelled, timed out, out of memory, node failure).</summary>
    public bool IsFailed => State.StartsWith("CANCELLED", StringComparison.Ordinal)
        || State is "FAILED" or "TIMEOUT" or "OUT_OF_MEMORY" or "NODE_FAIL" or "BOOT_FAIL" or "DEADLINE" or "PREEMPTED";
}
