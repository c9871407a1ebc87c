using System.Text;
using CurationPipeline.Storage;

namespace CurationPipeline.Pipelines.Layout.Internal;

/// <summary>Writes a task's completion marker, atomically and last: its presence means every output of the task is committed.</summary>
internal static class CompletionMarker
{
    public static async Task WriteAsync(IStorage storage, string path, string content, CancellationToken cancellationToken)
    {
        await using AtomicWrite write = storage.CreateAtomic(path);
        await write.Stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
