namespace CurationPipeline.Documents;

/// <summary>Reads one input file (WARC, WET, ARC, JSON Lines, Parquet) as a stream of documents and rejections.</summary>
/// <remarks>
/// Implementations never throw for damaged input: every unreadable record becomes a <see cref="Rejection"/>
/// with <see cref="Rejection.IsError"/> set and a reason. Only infrastructure failures (the file cannot be opened) throw.
/// Every record the source reads yields exactly one item, so the read stage's counters add up.
/// </remarks>
public interface IDocumentSource
{
    /// <summary>Streams the items of <paramref name="path"/> in file order.</summary>
    /// <param name="storage">The storage the path lives in.</param>
    /// <param name="path">The file to read.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    IAsyncEnumerable<SourceItem> ReadAsync(Storage.IStorage storage, string path, CancellationToken cancellationToken);
}
