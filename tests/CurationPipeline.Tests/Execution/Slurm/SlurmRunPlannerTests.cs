using CurationPipeline.Execution.Slurm;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary><see cref="SlurmRunPlanner"/>: which passes a pipeline runs on a cluster, as arrays or single jobs, with which task counts.</summary>
public sealed class SlurmRunPlannerTests
{
    [Fact]
    public void Plan_SemanticDedupAndMix_EveryPassInRunOrder()
    {
        var pipeline = new PipelineOptions { Semantic = new SemanticOptions { Enabled = true }, Mix = "mix.yaml" };

        IReadOnlyList<SlurmPassPlan> plans = SlurmRunPlanner.Plan(LocalStorage.Instance, TestData.NewTempDirectory(), pipeline, tasks: 32);

        Assert.Equal(
            [("tag", 32, true, 32), ("dedup", 14, true, 14), ("cluster", 1, false, 14), ("embed", 32, true, 32), ("semdedup", 1, false, 32), ("mix", 1, false, 32)],
            plans.Select(p => (p.Pass.Name, p.WorldSize, p.IsArray, p.CommandWorldSize)));
        Assert.All(plans, p => Assert.Equal(Enumerable.Range(0, p.WorldSize), p.PendingRanks));
    }

    [Fact]
    public void Plan_NoDedupNoMix_TagAlone()
    {
        var pipeline = new PipelineOptions { Dedup = new DedupOptions { Enabled = false } };

        IReadOnlyList<SlurmPassPlan> plans = SlurmRunPlanner.Plan(LocalStorage.Instance, TestData.NewTempDirectory(), pipeline, tasks: 3);

        Assert.Equal(["tag"], plans.Select(p => p.Pass.Name));
    }
}
