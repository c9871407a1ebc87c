using CurationPipeline.Dedup;

namespace CurationPipeline.Pipelines.Configuration;

/// <summary>The <c>dedup:</c> section: exact and MinHash near-dedup over the tag pass's signatures.</summary>
/// <remarks>
/// Defaults: enabled; MinHash as datatrove/FineWeb (word 5-grams, 14 bands × 8 rows); no Jaccard check; 20,000 signatures
/// per signature file (they are buffered until the file is written, about 0.7 kB each); every document priority 1, so the
/// smallest id of a cluster is kept; no paragraph dedup.
/// </remarks>
public sealed record DedupOptions
{
    /// <summary>Whether the tag pass signs documents and <c>curate run</c> runs the dedup pass.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Shingles, bands and rows.</summary>
    public MinHashOptions Minhash { get; init; } = new();

    /// <summary>The global step: optional Jaccard check, merge fan-in, parallelism.</summary>
    public DedupClusterOptions Cluster { get; init; } = new();

    /// <summary>Signatures per file; bounds the tag pass's memory for signatures.</summary>
    public int SignaturesPerFile { get; init; } = 20_000;

    /// <summary>Paragraph dedup after document dedup: off by default.</summary>
    public ParagraphDedupOptions Paragraphs { get; init; } = new();

    /// <summary>The keep priority of every document (1–65535).</summary>
    public int Priority { get; init; } = 1;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        Minhash.Validate();
        Cluster.Validate();
        Paragraphs.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(SignaturesPerFile, 1, nameof(SignaturesPerFile));
        ArgumentOutOfRangeException.ThrowIfLessThan(Priority, 1, nameof(Priority));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Priority, ushort.MaxValue, nameof(Priority));
    }
}
