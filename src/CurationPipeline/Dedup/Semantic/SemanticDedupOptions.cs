using System.Collections.Immutable;

namespace CurationPipeline.Dedup.Semantic;

/// <summary>Configuration of <see cref="SemanticDeduplicator"/> (SemDeDup: spherical k-means, then pairwise cosine per cluster).</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="ClusterCount"/></term><description>0: √N, at most 50,000 (balances k-means' N·K cost against the pairwise N²/K)</description></item>
/// <item><term><see cref="MaxIterations"/></term><description>20</description></item>
/// <item><term><see cref="SamplePointsPerCluster"/></term><description>256 (faiss' <c>max_points_per_centroid</c>)</description></item>
/// <item><term><see cref="Seed"/></term><description>1234 (the FAIR configs)</description></item>
/// <item><term><see cref="Epsilon"/></term><description>0.01: cosine above 0.99 is a duplicate</description></item>
/// <item><term><see cref="ReportEpsilons"/></term><description>0.001, 0.005, 0.01, 0.02, 0.05, 0.1</description></item>
/// <item><term><see cref="KeepRule"/></term><description><see cref="SemanticKeepRule.Hard"/></description></item>
/// <item><term><see cref="MaxClusterSize"/></term><description>20,000: a larger cluster is re-clustered (then, if k-means cannot split it, compared in chunks), bounding the pairwise cost at ~2·10⁸ pairs per cluster</description></item>
/// <item><term><see cref="PairwiseBatchSize"/></term><description>1024 (tile side: memory per worker is 1024² floats)</description></item>
/// <item><term><see cref="MaxDegreeOfParallelism"/></term><description>0: processor count</description></item>
/// </list>
/// </remarks>
public sealed record SemanticDedupOptions
{
    /// <summary>Number of k-means clusters; 0 picks √N (capped at 50,000) for N documents.</summary>
    public int ClusterCount { get; init; }

    /// <summary>Maximum k-means iterations; it stops earlier once fewer than 0.1% of the sampled points change cluster.</summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>k-means trains on at most this many points per cluster (a seeded sample); every point is then assigned.</summary>
    public int SamplePointsPerCluster { get; init; } = 256;

    /// <summary>Seed for the sample, the initial centroids and empty-cluster reseeding.</summary>
    public int Seed { get; init; } = 1234;

    /// <summary>The threshold the drop list is made for: a document is a duplicate when its cosine exceeds <c>1 − Epsilon</c>.</summary>
    public double Epsilon { get; init; } = 0.01;

    /// <summary>Further thresholds evaluated in the same pass and reported in <see cref="SemanticDedupStats.ByEpsilon"/>.</summary>
    public ImmutableArray<double> ReportEpsilons { get; init; } = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1];

    /// <summary>Which member of a near-duplicate group is kept.</summary>
    public SemanticKeepRule KeepRule { get; init; } = SemanticKeepRule.Hard;

    /// <summary>
    /// Largest cluster compared pairwise; 0 for no limit. A larger cluster (boilerplate pages, one template) would cost its size
    /// squared: it is split once by k-means into pieces of about half this size, and a piece still above the limit (identical
    /// vectors, or an uneven split) is compared in consecutive chunks of its keep order, so duplicates across those chunks are
    /// missed (<see cref="SemanticDedupStats.ChunkedClusters"/> counts them).
    /// </summary>
    public int MaxClusterSize { get; init; } = 20_000;

    /// <summary>Side of the square similarity tile computed at once within a cluster.</summary>
    public int PairwiseBatchSize { get; init; } = 1024;

    /// <summary>Worker threads for k-means assignment and clusters; 0 uses the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ClusterCount, nameof(ClusterCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(SamplePointsPerCluster, 1, nameof(SamplePointsPerCluster));
        ValidateEpsilon(Epsilon, nameof(Epsilon));
        if (ReportEpsilons.IsDefault)
        {
            throw new ArgumentOutOfRangeException(nameof(ReportEpsilons), "ReportEpsilons must be initialized (it may be empty).");
        }

        foreach (double epsilon in ReportEpsilons)
        {
            ValidateEpsilon(epsilon, nameof(ReportEpsilons));
        }

        if (!Enum.IsDefined(KeepRule))
        {
            throw new ArgumentOutOfRangeException(nameof(KeepRule), KeepRule, $"KeepRule must be one of {string.Join(", ", Enum.GetNames<SemanticKeepRule>())}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(PairwiseBatchSize, 16, nameof(PairwiseBatchSize));
        if (MaxClusterSize is < 0 or 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxClusterSize), MaxClusterSize, "MaxClusterSize must be 0 (no limit) or at least 2.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
    }

    private static void ValidateEpsilon(double epsilon, string name)
    {
        if (!(epsilon > 0 && epsilon < 2))
        {
            throw new ArgumentOutOfRangeException(name, epsilon, "Epsilon must be in (0, 2): duplicates are pairs with cosine > 1 − eps.");
        }
    }
}
