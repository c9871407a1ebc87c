using System.Text;

namespace CurationPipeline.Storage;

/// <summary>Small text files (scripts, reports) written the way every output is: under a temporary name, then renamed.</summary>
public static class StorageText
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 to <paramref name="path"/> atomically (<see cref="IStorage.CreateAtomic"/>), replacing any previous file.</summary>
    /// <param name="storage">Where the file lives.</param>
    /// <param name="path">The final path.</param>
    /// <param name="text">The content.</param>
    /// <param name="cancellationToken">Stops the write; the final path is then untouched.</param>
    /// <returns>A task that completes when the file is published.</returns>
    public static async Task WriteAtomicAsync(IStorage storage, string path, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await using AtomicWrite write = storage.CreateAtomic(path);
        await write.Stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
