using CurationPipeline.Execution.Slurm.Internal;

namespace CurationPipeline.Execution.Slurm;

/// <summary>One job script of a submission: a whole single-job pass, or an array over some ranks of a pass.</summary>
/// <param name="Plan">The pass.</param>
/// <param name="Part">The part number when the pass's array is split (more tasks than the cluster's <c>MaxArraySize</c>), else <c>null</c>.</param>
/// <param name="RankOffset">The rank of array index 0 (a split array's part <c>k</c> starts at <c>k × MaxArraySize</c>).</param>
/// <param name="Ranks">The ranks it runs, ascending (for a single job: 0).</param>
/// <param name="ScriptPath">Where its script is written.</param>
public sealed record SlurmJob(SlurmPassPlan Plan, int? Part, int RankOffset, IReadOnlyList<int> Ranks, string ScriptPath)
{
    /// <summary>The <c>--array</c> value (array indices: rank minus <see cref="RankOffset"/>), or <c>null</c> for a single job.</summary>
    public string? ArraySpec => Plan.IsArray ? ArrayRanges.Format(Ranks.Select(r => r - RankOffset)) : null;
}
