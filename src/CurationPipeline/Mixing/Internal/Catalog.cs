using CurationPipeline.Outputs;

namespace CurationPipeline.Mixing.Internal;

/// <summary>What the scan of the tagged data found: the mixable documents in (shard, row) order and why the others are out.</summary>
internal sealed class Catalog
{
    public required IReadOnlyList<string> TokenizedShards { get; init; }

    public required TokenizedShardMetadata Metadata { get; init; }

    public required IReadOnlyList<string> DomainNames { get; init; }

    /// <summary>Mixable documents, ordered by (shard, row).</summary>
    public required List<CatalogEntry> Entries { get; init; }

    public required long AnnotatedDocuments { get; init; }

    public required long TokenizedDocuments { get; init; }

    /// <summary>Documents out of the mix, by <see cref="MixReasons"/> code.</summary>
    public required IReadOnlyDictionary<string, long> Excluded { get; init; }

    /// <summary>Documents dropped by each filter (first failing filter), keyed by <see cref="MixCondition.ToString"/>.</summary>
    public required IReadOnlyDictionary<string, long> FilterDrops { get; init; }

    public required bool DropListApplied { get; init; }
}
