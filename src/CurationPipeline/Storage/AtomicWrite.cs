namespace CurationPipeline.Storage;

/// <summary>A file being written under a temporary name; it becomes visible under its final name only on <see cref="CommitAsync"/>.</summary>
/// <remarks>A killed or failed writer leaves at most a temporary file whose name starts with <c>.tmp-</c>, never a half file under the final name.</remarks>
public abstract class AtomicWrite : IAsyncDisposable
{
    /// <summary>The final path.</summary>
    public abstract string Path { get; }

    /// <summary>The stream to write to. Do not dispose it; <see cref="CommitAsync"/> and <see cref="DisposeAsync"/> do.</summary>
    public abstract Stream Stream { get; }

    /// <summary>Flushes, closes and publishes the file under <see cref="Path"/>, replacing any previous file.</summary>
    public abstract ValueTask CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>Discards the temporary file if <see cref="CommitAsync"/> did not run.</summary>
    public abstract ValueTask DisposeAsync();
}
