using CurationPipeline.Mixing;
using CurationPipeline.Storage;

namespace CurationPipeline.Pipelines.Layout;

/// <summary>
/// Removes what killed runs leave behind: temporary files (<c>.tmp-…</c>) of unfinished writes, and scratch folders
/// (<c>dedup/work/</c>, the mix's <c>.shuffle/</c>). Only the folders the pipeline writes are searched, never the rest of a
/// directory a user named as output.
/// </summary>
/// <remarks>
/// Call it only while holding the directory exclusively (<see cref="OutputLock.AcquireAsync"/>): then no live writer owns any of
/// these files. A cluster task leaves its own leftovers to the next whole-directory step (the dedup cluster step, SemDeDup).
/// </remarks>
public static class OutputScratch
{
    private const string TemporaryPattern = ".tmp-*";


    /// <summary>Removes the scratch of a <c>curate run</c> output directory, including its <c>mix/</c>.</summary>
    /// <returns>The number of files removed.</returns>
    public static int RemoveFromRun(IStorage storage, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(storage);
        int removed = DeleteAll(storage, storage.Combine(outputDirectory, TemporaryPattern));
        foreach (string folder in (string[])[.. OutputLayout.ShardFolders, OutputLayout.Dedup, OutputLayout.Paragraphs, OutputLayout.Stats, OutputLayout.Completions, OutputLayout.Embeddings, OutputLock.TaskFolder, OutputLayout.Progress])
        {
            removed += DeleteAll(storage, storage.Combine(outputDirectory, folder, "**", TemporaryPattern));
        }

        removed += DeleteFolder(storage, storage.ScratchDirectory(outputDirectory, OutputLayout.Dedup, OutputLayout.DedupWork));
        return removed + RemoveFromMix(storage, storage.Combine(outputDirectory, OutputLayout.Mix));
    }

    /// <summary>Removes the scratch of a mix output directory (<c>curate mix --output</c>, or a run's <c>mix/</c>): <see cref="Mixer.RemoveScratch"/>.</summary>
    /// <returns>The number of files removed.</returns>
    public static int RemoveFromMix(IStorage storage, string mixDirectory) => Mixer.RemoveScratch(storage, mixDirectory);

    private static int DeleteAll(IStorage storage, string pattern)
    {
        IReadOnlyList<string> files = storage.List(pattern);
        foreach (string file in files)
        {
            storage.Delete(file);
        }

        return files.Count;
    }

    /// <summary>Deletes every file in <paramref name="folder"/> (scratch folders have no subfolders), then the folder.</summary>
    private static int DeleteFolder(IStorage storage, string folder)
    {
        int removed = DeleteAll(storage, storage.Combine(folder, "**", "*"));
        storage.DeleteEmptyDirectory(folder);
        return removed;
    }
}
