using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Layout.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Execution.Slurm;

/// <summary>Plans a cluster run from the pipeline and the completion markers already in its output directory.</summary>
/// <remarks>
/// The passes follow <see cref="PassRegistry.All"/>: tag (an array of <see cref="SlurmOptions.Tasks"/>), dedup's candidate step
/// (an array of min(tasks, MinHash bands): a rank owns bands rank, rank + world size, …) and cluster step when dedup is enabled,
/// embed (an array, one per tag task) and semdedup with <c>semantic.enabled</c>, and the mix when the pipeline names one.
/// A task is pending when its completion marker is missing; a single job is pending too when anything before it is.
/// </remarks>
public static class SlurmRunPlanner
{
    /// <summary>Plans the passes of <paramref name="pipeline"/> split into <paramref name="tasks"/> tasks.</summary>
    /// <param name="storage">Where the output directory lives.</param>
    /// <param name="outputDirectory">The run's output directory.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="tasks">The number of tasks.</param>
    /// <returns>Every pass the pipeline runs, in run order, with its pending ranks.</returns>
    /// <exception cref="WorldSizeMismatchException">The directory holds tag tasks of another number of tasks: an unfinished run's task count cannot change.</exception>
    public static IReadOnlyList<SlurmPassPlan> Plan(IStorage storage, string outputDirectory, PipelineOptions pipeline, int tasks)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks, 1);
        CompletionMarker.CheckWorldSize(storage, outputDirectory, PassRegistry.Tag, tasks);
        int dedupTasks = Math.Min(tasks, pipeline.Dedup.Minhash.Bands);
        var plans = new List<SlurmPassPlan>();
        bool earlierPending = false;
        foreach (PassInfo pass in PassRegistry.All.Where(p => IsConfigured(p, pipeline)))
        {
            bool isArray = IsArray(pass);
            bool dedupSplit = pass.Name is PassRegistry.Dedup or PassRegistry.Cluster;
            int commandWorldSize = dedupSplit ? dedupTasks : tasks;
            int worldSize = isArray ? commandWorldSize : 1;
            int[] pending = [.. Enumerable.Range(0, worldSize)
                .Where(rank => !storage.Exists(CompletionMarker.PathOf(storage, outputDirectory, new PipelineTask(pass.Name, rank, worldSize))))];
            if (!isArray && pending.Length == 0 && earlierPending)
            {
                pending = [0];
            }

            earlierPending |= pending.Length > 0;
            plans.Add(new SlurmPassPlan(pass, worldSize, isArray, pending, commandWorldSize));
        }

        return plans;
    }

    /// <summary>Whether <paramref name="pass"/> runs as one task per rank on a cluster (tag, dedup's candidate step, embed), not as one job.</summary>
    public static bool IsArray(PassInfo pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        return !pass.IsStepAfterTag || pass.NeedsRank;
    }

    private static bool IsConfigured(PassInfo pass, PipelineOptions pipeline) => pass.Name switch
    {
        PassRegistry.Dedup or PassRegistry.Cluster => pipeline.Dedup.Enabled,
        PassRegistry.Mix => pipeline.Mix is not null,
        _ => !pass.IsSemantic || pipeline.Semantic.Enabled,
    };
}
