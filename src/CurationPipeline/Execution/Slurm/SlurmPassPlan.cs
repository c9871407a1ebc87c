using CurationPipeline.Pipelines;

namespace CurationPipeline.Execution.Slurm;

/// <summary>One pass of a run as <c>curate slurm</c> plans it: how many tasks it has and which of them are not complete.</summary>
/// <param name="Pass">The pass.</param>
/// <param name="WorldSize">Its number of tasks (1 for a single job).</param>
/// <param name="IsArray">Whether it runs as a job array, one element per rank (tag, dedup, embed).</param>
/// <param name="PendingRanks">The ranks without a completion marker, ascending; empty when the pass is complete.</param>
/// <param name="CommandWorldSize">The <c>--world-size</c> its command passes: its own for an array, the split it reads for a single
/// job (the dedup candidate step's for the cluster step, the tag pass's for the others).</param>
public sealed record SlurmPassPlan(PassInfo Pass, int WorldSize, bool IsArray, IReadOnlyList<int> PendingRanks, int CommandWorldSize)
{
    /// <summary>Whether every task of the pass is complete.</summary>
    public bool IsComplete => PendingRanks.Count == 0;

    /// <summary>The task of rank <paramref name="rank"/>.</summary>
    public PipelineTask Task(int rank) => new(Pass.Name, rank, WorldSize);
}
