namespace CurationPipeline.Mixing.Internal;

/// <summary>The token-file writers of one split, fed the same documents in the same order (none when no format is enabled).</summary>
internal sealed class TokenFileWriters(IReadOnlyList<ITokenFileWriter> writers) : ITokenFileWriter
{
    public IReadOnlyList<string> Committed => [.. writers.SelectMany(w => w.Committed)];

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ReadOnlyMemory<int> inputIds, CancellationToken cancellationToken)
    {
        foreach (ITokenFileWriter writer in writers)
        {
            await writer.WriteAsync(inputIds, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (ITokenFileWriter writer in writers)
        {
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ITokenFileWriter writer in writers)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
