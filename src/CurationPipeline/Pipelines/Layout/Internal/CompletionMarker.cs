using System.Text;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Storage;

namespace CurationPipeline.Pipelines.Layout.Internal;

/// <summary>Writes a task's completion marker, atomically and last: its presence means every output of the task is committed.</summary>
internal static class CompletionMarker
{
    /// <summary>
    /// The file whose presence means <paramref name="task"/> is complete: <c>completions/{pass}-{rank:D5}</c> for the tasks of tag,
    /// dedup and embed, <c>completions/dedup-cluster</c> and <c>completions/semdedup</c> for the global steps, and the mix's report
    /// (written last) for the mix.
    /// </summary>
    public static string PathOf(IStorage storage, string outputDirectory, PipelineTask task) => task.Pass switch
    {
        PassRegistry.Cluster => storage.Combine(outputDirectory, OutputLayout.Completions, DedupPass.ClusterMarker),
        PassRegistry.SemDedup => storage.Combine(outputDirectory, OutputLayout.Completions, SemanticPass.DedupStage),
        PassRegistry.Mix => storage.Combine(outputDirectory, OutputLayout.Mix, MixReport.FileName),
        _ => storage.Combine(outputDirectory, OutputLayout.Completions, task.Stem),
    };

    /// <summary>
    /// Fails when a completion marker or shard of <paramref name="pass"/> under <paramref name="outputDirectory"/> belongs to a split
    /// into another number of tasks than <paramref name="worldSize"/> (markers hold their task, <c>tag/0/2</c>, on the first line).
    /// </summary>
    /// <exception cref="WorldSizeMismatchException">Such a marker or shard exists.</exception>
    public static void CheckWorldSize(IStorage storage, string outputDirectory, string pass, int worldSize)
    {
        foreach (string marker in storage.List(storage.Combine(outputDirectory, OutputLayout.Completions, pass + "-*")))
        {
            using var reader = new StreamReader(storage.OpenRead(marker));
            string task = reader.ReadLine() ?? "";
            if (!task.EndsWith("/" + worldSize.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                throw new WorldSizeMismatchException(outputDirectory, $"{OutputLayout.Completions}/{Path.GetFileName(marker)} says {task}", worldSize);
            }
        }

        foreach (string folder in OutputLayout.ShardFolders)
        {
            foreach (string shard in storage.List(storage.Combine(outputDirectory, folder, pass + "-*")))
            {
                // {pass}-{rank:D5}-{shard:D5}: a rank at or above the world size is another split's.
                string name = Path.GetFileName(shard);
                if (int.TryParse(name.AsSpan(pass.Length + 1, 5), System.Globalization.CultureInfo.InvariantCulture, out int rank) && rank >= worldSize)
                {
                    throw new WorldSizeMismatchException(outputDirectory, $"{folder}/{name} is rank {rank}", worldSize);
                }
            }
        }
    }

    /// <summary>
    /// The world size the completion markers of <paramref name="pass"/> record (<c>tag/0/2</c> says 2), or
    /// <paramref name="fallback"/> when none exists: MinHash's candidate tasks may be split unlike the tag pass they read.
    /// </summary>
    public static int WorldSizeOf(IStorage storage, string outputDirectory, string pass, int fallback)
    {
        string? marker = storage.List(storage.Combine(outputDirectory, OutputLayout.Completions, pass + "-*")).FirstOrDefault();
        if (marker is null)
        {
            return fallback;
        }

        using var reader = new StreamReader(storage.OpenRead(marker));
        string first = reader.ReadLine() ?? "";
        return int.TryParse(first.AsSpan(first.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture, out int worldSize) && worldSize > 0 ? worldSize : fallback;
    }

    /// <summary>
    /// Fails unless every task of <paramref name="pass"/> split into <paramref name="worldSize"/> tasks, and every step of
    /// <paramref name="steps"/>, has its completion marker: a step run alone must not read a prerequisite's partial outputs.
    /// </summary>
    /// <param name="storage">Where the run's files are.</param>
    /// <param name="outputDirectory">The run's output directory.</param>
    /// <param name="step">The step about to start, named in the error.</param>
    /// <param name="pass">The pass whose tasks must all be complete.</param>
    /// <param name="worldSize">The number of tasks of <paramref name="pass"/>.</param>
    /// <param name="steps">Global steps (<see cref="PassRegistry.Cluster"/>, …) that must be complete too.</param>
    /// <exception cref="WorldSizeMismatchException">The pass was split into another number of tasks.</exception>
    /// <exception cref="PrerequisiteIncompleteException">A marker is missing.</exception>
    public static void RequireComplete(IStorage storage, string outputDirectory, string step, string pass, int worldSize, params string[] steps)
    {
        var missing = new List<string>();
        string suffix = "/" + worldSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (PipelineTask task in Enumerable.Range(0, worldSize).Select(rank => new PipelineTask(pass, rank, worldSize)).Concat(steps.Select(s => new PipelineTask(s, 0, 1))))
        {
            string path = PathOf(storage, outputDirectory, task);
            string name = $"{OutputLayout.Completions}/{Path.GetFileName(path)}";
            if (!storage.Exists(path))
            {
                missing.Add(name);
                continue;
            }

            if (task.Pass == pass)
            {
                // A task marker's first line is its task (an embed marker's is its tag task): tag/0/2 is not rank 0 of 4.
                using var reader = new StreamReader(storage.OpenRead(path));
                string first = reader.ReadLine() ?? "";
                if (!first.EndsWith(suffix, StringComparison.Ordinal))
                {
                    throw new WorldSizeMismatchException(outputDirectory, $"{name} says {first}", worldSize);
                }
            }
        }

        if (missing.Count > 0)
        {
            throw new PrerequisiteIncompleteException(step, missing);
        }
    }

    /// <summary>Creates the marker once (<see cref="IStorage.CreateNew"/>): a marker that exists already (a step run again after it completed) stays as it is.</summary>
    public static async Task WriteAsync(IStorage storage, string path, string content, CancellationToken cancellationToken)
    {
        await using AtomicWrite write = storage.CreateNew(path);
        await write.Stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken).ConfigureAwait(false);
        try
        {
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StorageFileExistsException)
        {
            // The first marker stands: the step it marks was complete already.
        }
    }
}
