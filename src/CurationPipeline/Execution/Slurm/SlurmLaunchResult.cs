namespace CurationPipeline.Execution.Slurm;

/// <summary>What <see cref="SlurmLauncher.LaunchAsync"/> did.</summary>
/// <param name="Plans">Every pass of the run with its pending ranks.</param>
/// <param name="Jobs">The jobs written (and, unless a dry run, submitted), in submission order, each with its job id (<c>null</c> in a dry run) and the passes it waits for.</param>
public sealed record SlurmLaunchResult(
    IReadOnlyList<SlurmPassPlan> Plans,
    IReadOnlyList<(SlurmJob Job, string? JobId, IReadOnlyList<SlurmJob> AfterOk)> Jobs)
{
    /// <summary>Whether every task of the run was already complete (nothing was written or submitted).</summary>
    public bool WasComplete => Plans.All(p => p.IsComplete);
}
