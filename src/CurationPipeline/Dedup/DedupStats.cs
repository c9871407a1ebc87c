using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CurationPipeline.Dedup;

/// <summary>What the global dedup step found; goes into <c>stats.json</c>.</summary>
public sealed record DedupStats
{
    /// <summary>Documents in the dedup scope.</summary>
    [JsonPropertyName("documents")]
    public long Documents { get; init; }

    /// <summary>Candidate pairs read by the clustering step (exact and LSH, after the optional Jaccard check; a pair found by several bands counts once per band).</summary>
    [JsonPropertyName("candidate_pairs")]
    public long CandidatePairs { get; init; }

    /// <summary>Text clusters (exact and MinHash candidates joined) of two or more documents, members counted before URL dedup; a
    /// document kept over URL recaptures alone is in no cluster here, though <c>cluster-sizes.parquet</c> gives it a size.</summary>
    [JsonPropertyName("clusters")]
    public long Clusters { get; init; }

    /// <summary>Documents dropped as exact duplicates of their cluster's kept document.</summary>
    [JsonPropertyName("dropped_exact")]
    public long DroppedExact { get; init; }

    /// <summary>Documents dropped as near duplicates.</summary>
    [JsonPropertyName("dropped_near")]
    public long DroppedNear { get; init; }

    /// <summary>Documents dropped because a newer capture of their normalized URL is kept (<see cref="DedupReasons.Url"/>).</summary>
    [JsonPropertyName("dropped_url")]
    public long DroppedUrl { get; init; }

    /// <summary>
    /// Documents whose id another document of the scope also has (<see cref="DedupReasons.DuplicateId"/>): counted, never dropped
    /// for it, since a document is identified by its id together with its source path and offset.
    /// </summary>
    [JsonPropertyName("duplicate_ids")]
    public long DuplicateIds { get; init; }

    /// <summary>Paragraph dedup's statistics when it ran, else <c>null</c>.</summary>
    [JsonPropertyName("paragraphs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ParagraphDedupStats? Paragraphs { get; init; }

    /// <summary>Number of text clusters per cluster size (sizes ≥ 2), as <see cref="Clusters"/> counts them.</summary>
    [JsonPropertyName("cluster_sizes")]
    public ImmutableSortedDictionary<int, long> ClusterSizes { get; init; } = ImmutableSortedDictionary<int, long>.Empty;
}
