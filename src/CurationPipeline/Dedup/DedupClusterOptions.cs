namespace CurationPipeline.Dedup;

/// <summary>Settings of the global dedup step (candidate finding and clustering).</summary>
/// <remarks>
/// <list type="table">
/// <item><term><see cref="UrlDedup"/></term><description><c>false</c></description></item>
/// <item><term><see cref="JaccardThreshold"/></term><description><c>null</c> (off, as datatrove)</description></item>
/// <item><term><see cref="MaxOpenRuns"/></term><description>64</description></item>
/// <item><term><see cref="ReadBufferBytes"/></term><description>65,536</description></item>
/// <item><term><see cref="MaxDegreeOfParallelism"/></term><description><see cref="Environment.ProcessorCount"/></description></item>
/// </list>
/// The output never depends on <see cref="MaxDegreeOfParallelism"/>, <see cref="MaxOpenRuns"/> or the order of the input files.
/// </remarks>
public sealed record DedupClusterOptions
{
    /// <summary>
    /// Also drop every document whose normalized URL (<see cref="UrlKey"/>) another document has, except the newest capture
    /// (WARC-Date; then the smallest identity), as <see cref="DedupReasons.Url"/> (Dolma's <c>dedupe-by-url</c>). Applied before
    /// content dedup: a URL duplicate is never kept for its text cluster. Its drop-list row names the survivor (the newest
    /// capture, or the document that capture's text cluster keeps).
    /// </summary>
    public bool UrlDedup { get; init; }

    /// <summary>When set, a MinHash candidate pair is linked only if the estimated Jaccard similarity of the two full
    /// signatures reaches it (NeMo's check uses 0.8). Needs signature files written with sketches. Exact duplicates are never checked.</summary>
    public double? JaccardThreshold { get; init; }

    /// <summary>The largest number of sorted runs merged at once; more files are first merged in groups into temporary runs,
    /// so memory per band stays at about <c>MaxOpenRuns × ReadBufferBytes</c>.</summary>
    public int MaxOpenRuns { get; init; } = 64;

    /// <summary>The read buffer of each open run.</summary>
    public int ReadBufferBytes { get; init; } = 1 << 16;

    /// <summary>How many band tasks the single-process run (<see cref="GlobalDedup.RunLocalAsync"/>) runs at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks every property.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A property is out of range; the exception names it.</exception>
    public void Validate()
    {
        if (JaccardThreshold is { } t && (double.IsNaN(t) || t is < 0 or > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(JaccardThreshold), JaccardThreshold, "Must be in [0, 1].");
        }

        if (MaxOpenRuns < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOpenRuns), MaxOpenRuns, "Must be at least 2.");
        }

        if (ReadBufferBytes < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(ReadBufferBytes), ReadBufferBytes, "Must be at least 64.");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be positive.");
        }
    }
}
