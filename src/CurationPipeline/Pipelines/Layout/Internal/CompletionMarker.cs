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
