using System.Collections.Immutable;

namespace CurationPipeline.Dedup;

/// <summary>What the global dedup step found; goes into <c>stats.json</c>.</summary>
public sealed record DedupStats
{
    /// <summary>Documents in the dedup scope.</summary>
    public long Documents { get; init; }

    /// <summary>Candidate pairs read by the clustering step (exact and LSH, after the optional Jaccard check; a pair found by several bands counts once per band).</summary>
    public long CandidatePairs { get; init; }

    /// <summary>Clusters of two or more documents.</summary>
    public long Clusters { get; init; }

    /// <summary>Documents dropped as exact duplicates of their cluster's kept document.</summary>
    public long DroppedExact { get; init; }

    /// <summary>Documents dropped as near duplicates.</summary>
    public long DroppedNear { get; init; }

    /// <summary>Number of clusters per cluster size (sizes ≥ 2).</summary>
    public ImmutableSortedDictionary<int, long> ClusterSizes { get; init; } = ImmutableSortedDictionary<int, long>.Empty;
}
