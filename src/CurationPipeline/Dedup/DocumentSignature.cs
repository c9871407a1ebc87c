using System.Collections.Immutable;

namespace CurationPipeline.Dedup;

/// <summary>What the global dedup step knows about one document: never its text.</summary>
/// <remarks>Produced by <see cref="DocumentSigner"/> in the tag pass and collected per shard by <see cref="SignatureFileWriter"/>.</remarks>
public sealed record DocumentSignature
{
    /// <summary>The document id; with <see cref="SourcePath"/> and <see cref="SourceOffset"/> it identifies the document (<see cref="Documents.DocumentIdentity"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The input file the document was read from, as in the annotated shards' <c>source_path</c>.</summary>
    public string SourcePath { get; init; } = string.Empty;

    /// <summary>The document's offset in <see cref="SourcePath"/>, as in the annotated shards' <c>source_offset</c>.</summary>
    public long SourceOffset { get; init; }

    /// <summary>Keep preference among duplicates: the highest priority wins, then the smallest identity (id, source path, offset).</summary>
    public ushort Priority { get; init; }

    /// <summary>The URL-dedup key (<see cref="UrlKey.Of"/>); <see cref="UrlKey.None"/> when the document has no URL.</summary>
    public ulong UrlHash { get; init; }

    /// <summary>The capture time (WARC-Date) in UTC ticks, or <see cref="long.MinValue"/> when unknown (older than any dated capture).</summary>
    public long DateTicks { get; init; } = long.MinValue;

    /// <summary>The exact-dedup key (<see cref="ExactDedupHasher"/>).</summary>
    public UInt128 ExactHash { get; init; }

    /// <summary>One LSH hash per band (<see cref="MinHasher.ComputeBandHashes"/>).</summary>
    public required ImmutableArray<ulong> BandHashes { get; init; }

    /// <summary>The low 32 bits of every MinHash value, for the optional Jaccard check of candidate pairs.</summary>
    public required ImmutableArray<uint> Sketch { get; init; }

    /// <summary>One hash per paragraph (<see cref="ParagraphSplitter.Hash"/>) when paragraph dedup is on, else empty.</summary>
    public ImmutableArray<ulong> ParagraphHashes { get; init; } = [];
}
