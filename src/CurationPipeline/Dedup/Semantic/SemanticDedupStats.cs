using System.Collections.Immutable;

namespace CurationPipeline.Dedup.Semantic;

/// <summary>Statistics of one semantic dedup run.</summary>
public sealed record SemanticDedupStats
{
    /// <summary>Documents (rows) considered.</summary>
    public long Documents { get; init; }

    /// <summary>Clusters k-means was asked for.</summary>
    public int Clusters { get; init; }

    /// <summary>Clusters that received at least one document.</summary>
    public int NonEmptyClusters { get; init; }

    /// <summary>Documents in the largest cluster.</summary>
    public int LargestCluster { get; init; }

    /// <summary>Clusters k-means made larger than <see cref="SemanticDedupOptions.MaxClusterSize"/>, which were split before comparing.</summary>
    public int OversizedClusters { get; init; }

    /// <summary>Clusters still above <see cref="SemanticDedupOptions.MaxClusterSize"/> after the split, compared in chunks (pairs across chunks are not compared).</summary>
    public int ChunkedClusters { get; init; }

    /// <summary>k-means iterations run by the first clustering (not counting the splits of oversized clusters).</summary>
    public int KMeansIterations { get; init; }

    /// <summary>Pairwise similarities computed within clusters.</summary>
    public long PairsCompared { get; init; }

    /// <summary>The threshold of the drop list.</summary>
    public double Epsilon { get; init; }

    /// <summary>Documents dropped at <see cref="Epsilon"/>.</summary>
    public long Dropped { get; init; }

    /// <summary>Drop counts for <see cref="Epsilon"/> and every report threshold, ascending by epsilon.</summary>
    public ImmutableArray<SemanticEpsilonCount> ByEpsilon { get; init; } = [];

    /// <summary>Time spent in k-means (sampling, training, assigning every row).</summary>
    public TimeSpan KMeansTime { get; init; }

    /// <summary>Time spent comparing within clusters.</summary>
    public TimeSpan PairwiseTime { get; init; }
}
