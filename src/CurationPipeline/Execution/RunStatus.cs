namespace CurationPipeline.Execution;

/// <summary>Where a run stands: what <c>curate status OUT</c> prints.</summary>
/// <param name="OutputDirectory">The run's output directory.</param>
/// <param name="Passes">Every pass known, in run order.</param>
/// <param name="Documents">Documents the tag pass has written so far (complete tasks' stats, running tasks' progress files).</param>
/// <param name="Tokens">Tokens the tag pass has written so far.</param>
/// <param name="MixTrainTokens">Training tokens of the mix when its report exists, else <c>null</c>.</param>
/// <param name="Notes">What limited the report (no Slurm commands, no accounting), one line each.</param>
public sealed record RunStatus(string OutputDirectory, IReadOnlyList<PassStatus> Passes, long Documents, long Tokens, long? MixTrainTokens, IReadOnlyList<string> Notes)
{
    /// <summary>Whether every task of every pass is done.</summary>
    public bool IsComplete => Passes.Count > 0 && Passes.All(p => p.Count(RunTaskState.Done) == p.WorldSize);

    /// <summary>Whether some task failed.</summary>
    public bool HasFailures => Passes.Any(p => p.Count(RunTaskState.Failed) > 0);
}
