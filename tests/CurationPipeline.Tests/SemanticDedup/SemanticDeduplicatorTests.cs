using System.Numerics.Tensors;
using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Tests.SemanticDedup;

public sealed class SemanticDeduplicatorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Run_RowsAddedInAnotherOrderThenSortedByIdentity_SameDrops()
    {
        // Embedding files list rows in the order a task's threads wrote them; sorted by identity, the result must not care.
        var random = new Random(11);
        var rows = new List<(string Id, string Path, long Offset, float[] Vector)>();
        for (int i = 0; i < 600; i++)
        {
            float[] v = RandomUnit(random, 24);
            // Every id twice, at two source places: identity, not the id, tells the rows apart.
            rows.Add(($"d{i % 300}", i < 300 ? "a.jsonl" : "b.jsonl", i % 300, v));
            if (i % 20 == 0)
            {
                rows.Add(($"d{i % 300}-near", "c.jsonl", i, Perturb(v, random, 0.02f)));
            }
        }

        SemanticDropRow[] Drops(IEnumerable<(string Id, string Path, long Offset, float[] Vector)> order)
        {
            var matrix = new EmbeddingMatrix(24);
            foreach ((string id, string path, long offset, float[] vector) in order)
            {
                matrix.Add(id, path, offset, vector);
            }

            matrix.SortByIdentity();
            return new SemanticDeduplicator(new SemanticDedupOptions { Epsilon = 0.01 }).Run(matrix, cancellationToken: Token).Dropped.ToArray();
        }

        SemanticDropRow[] forward = Drops(rows);
        SemanticDropRow[] shuffled = Drops(rows.OrderBy(_ => random.Next()));

        Assert.Equal(30, forward.Length);
        Assert.Equal(forward, shuffled);
        Assert.All(forward, d => Assert.Equal(d.DocumentId.Replace("-near", ""), d.KeptId.Replace("-near", ""))); // only planted pairs
    }

    [Fact]
    public void SortByIdentity_ReordersVectorsWithTheirRows()
    {
        var matrix = new EmbeddingMatrix(2);
        matrix.Add("c", "x", 0, [3f, 30f]);
        matrix.Add("a", "y", 5, [1f, 10f]);
        matrix.Add("b", "x", 9, [2f, 20f]);
        matrix.Add("a", "x", 7, [0f, 5f]);

        matrix.SortByIdentity();

        var vector = new float[2];
        var seen = new List<(string, string, long, float)>();
        for (int row = 0; row < matrix.Count; row++)
        {
            matrix.CopyTo(row, vector);
            seen.Add((matrix.Id(row), matrix.SourcePath(row), matrix.SourceOffset(row), vector[1]));
        }

        Assert.Equal([("a", "x", 7L, 5f), ("a", "y", 5L, 10f), ("b", "x", 9L, 20f), ("c", "x", 0L, 30f)], seen);
    }

    [Fact]
    public void Run_PlantedNearDuplicates_DropsOneOfEachPairAndNothingElse()
    {
        var random = new Random(7);
        var matrix = new EmbeddingMatrix(32);
        var copies = new HashSet<string>();
        for (int i = 0; i < 1500; i++)
        {
            float[] v = RandomUnit(random, 32);
            matrix.Add($"d{i}", v);
            if (i % 30 == 0)
            {
                matrix.Add($"d{i}-copy", Perturb(v, random, 0.01f));
                copies.Add($"d{i}");
                copies.Add($"d{i}-copy");
            }
        }

        SemanticDedupResult result = new SemanticDeduplicator(new SemanticDedupOptions()).Run(matrix, cancellationToken: Token);

        Assert.Equal(50, result.Stats.Dropped);
        Assert.Equal(50, result.Dropped.Length);
        foreach (SemanticDropRow drop in result.Dropped)
        {
            Assert.Contains(drop.DocumentId, copies);
            Assert.Equal(drop.DocumentId.Replace("-copy", ""), drop.KeptId.Replace("-copy", ""));
            Assert.True(drop.Similarity > 0.99f);
            Assert.Equal(SemanticDedupReasons.NearDuplicate, drop.Reason);
        }

        Assert.Equal(matrix.Count, result.Stats.Documents);
        Assert.Equal(new SemanticDeduplicator(new SemanticDedupOptions()).ClusterCountFor(matrix.Count), result.Stats.Clusters);
    }

    [Fact]
    public void Run_SeveralEpsilons_OnePassCountsGrowWithEpsilonAndChosenMatchesDropList()
    {
        var random = new Random(3);
        var matrix = new EmbeddingMatrix(16);
        for (int i = 0; i < 400; i++)
        {
            float[] v = RandomUnit(random, 16);
            matrix.Add($"a{i}", v);
            matrix.Add($"b{i}", Perturb(v, random, 0.02f + 0.3f * (i % 10) / 10f));
        }

        var options = new SemanticDedupOptions { Epsilon = 0.05, ReportEpsilons = [0.001, 0.01, 0.1, 0.3] };
        SemanticDedupResult result = new SemanticDeduplicator(options).Run(matrix, cancellationToken: Token);

        Assert.Equal([0.001, 0.01, 0.05, 0.1, 0.3], result.Stats.ByEpsilon.Select(e => e.Epsilon));
        for (int e = 1; e < result.Stats.ByEpsilon.Length; e++)
        {
            Assert.True(result.Stats.ByEpsilon[e].Dropped >= result.Stats.ByEpsilon[e - 1].Dropped);
        }

        Assert.True(result.Stats.ByEpsilon[^1].Dropped > result.Stats.ByEpsilon[0].Dropped);
        Assert.Equal(result.Stats.ByEpsilon[2].Dropped, result.Dropped.Length);
        Assert.All(result.Dropped, d => Assert.True(d.Similarity > 0.95f));
    }

    [Fact]
    public void Run_QualityRule_ChainKeepsBestThenAnyMemberOnlySimilarToDroppedOnes()
    {
        // a ~ b and b ~ c above 0.99, a ~ c below: ranked a > b > c, Llama 3's rule keeps a, drops b, keeps c.
        float[] a = Unit([1f, 0f, 0f]);
        float[] b = Unit([1f, 0.1f, 0f]);
        float[] c = Unit([1f, 0.2f, 0f]);
        Assert.True(TensorPrimitives.Dot(a, b) > 0.99f && TensorPrimitives.Dot(b, c) > 0.99f && TensorPrimitives.Dot(a, c) < 0.99f);
        var matrix = new EmbeddingMatrix(3);
        matrix.Add("c", c);
        matrix.Add("a", a);
        matrix.Add("b", b);
        var options = new SemanticDedupOptions { ClusterCount = 1, KeepRule = SemanticKeepRule.Quality };

        SemanticDedupResult result = new SemanticDeduplicator(options).Run(matrix, [0.1f, 0.9f, 0.5f], Token);

        SemanticDropRow drop = Assert.Single(result.Dropped);
        Assert.Equal(("b", "a"), (drop.DocumentId, drop.KeptId));
    }

    [Fact]
    public void Run_HardRule_KeepsTheMemberFarthestFromTheCentroid()
    {
        // One cluster: x and its near copy x' sit near the centroid direction; the copy farther from the centroid is kept.
        var matrix = new EmbeddingMatrix(3);
        matrix.Add("far", Unit([1f, 0.05f, 0.3f]));
        matrix.Add("near", Unit([1f, 0.05f, 0.2f]));
        matrix.Add("other", Unit([1f, 0.8f, -0.2f]));
        var options = new SemanticDedupOptions { ClusterCount = 1, Epsilon = 0.02 };

        SemanticDedupResult result = new SemanticDeduplicator(options).Run(matrix, cancellationToken: Token);

        SemanticDropRow drop = Assert.Single(result.Dropped);
        Assert.Equal(("near", "far"), (drop.DocumentId, drop.KeptId));
    }

    [Fact]
    public void Run_SameSeed_SameDropList()
    {
        var random = new Random(11);
        var matrix = new EmbeddingMatrix(24);
        for (int i = 0; i < 600; i++)
        {
            float[] v = RandomUnit(random, 24);
            matrix.Add($"d{i}", v);
            matrix.Add($"e{i}", Perturb(v, random, 0.05f));
        }

        var options = new SemanticDedupOptions { Epsilon = 0.005, MaxDegreeOfParallelism = 2 };
        SemanticDedupResult first = new SemanticDeduplicator(options).Run(matrix, cancellationToken: Token);
        SemanticDedupResult second = new SemanticDeduplicator(options).Run(matrix, cancellationToken: Token);

        Assert.Equal(first.Dropped, second.Dropped);
        Assert.NotEmpty(first.Dropped);
    }

    [Fact]
    public void Run_OneClusterForEverything_SplitBelowTheCapAndPlantedPairsStillFound()
    {
        // ClusterCount 1 puts 1,200 documents (40 planted pairs) in one cluster; a cap of 200 must re-cluster it into pieces
        // of at most 200 each, and locality keeps each pair together.
        var random = new Random(11);
        var matrix = new EmbeddingMatrix(24);
        for (int i = 0; i < 1120; i++)
        {
            float[] v = RandomUnit(random, 24);
            matrix.Add($"d{i}", v);
            if (i % 28 == 0)
            {
                matrix.Add($"d{i}-copy", Perturb(v, random, 0.005f));
            }
        }

        var capped = new SemanticDedupOptions { ClusterCount = 1, MaxClusterSize = 200 };
        SemanticDedupResult result = new SemanticDeduplicator(capped).Run(matrix, cancellationToken: Token);
        SemanticDedupResult uncapped = new SemanticDeduplicator(capped with { MaxClusterSize = 0 }).Run(matrix, cancellationToken: Token);

        Assert.Equal(1, result.Stats.OversizedClusters);
        Assert.Equal(0, result.Stats.ChunkedClusters);
        Assert.InRange(result.Stats.LargestCluster, 1, 200);
        Assert.Equal(1160, uncapped.Stats.LargestCluster);
        Assert.Equal(40, uncapped.Stats.Dropped);
        Assert.InRange(result.Stats.Dropped, 36, 40); // a pair split across pieces is the only loss
        Assert.True(result.Stats.PairsCompared < uncapped.Stats.PairsCompared / 4);
        Assert.All(result.Dropped, d => Assert.Equal(d.DocumentId.Replace("-copy", ""), d.KeptId.Replace("-copy", "")));
    }

    [Fact]
    public void Run_IdenticalVectorsAboveTheCap_ComparedInChunksOfTheCap()
    {
        var matrix = new EmbeddingMatrix(8);
        float[] v = Unit([1, 2, 3, 4, 5, 6, 7, 8]);
        for (int i = 0; i < 250; i++)
        {
            matrix.Add($"same{i:D3}", v);
        }

        SemanticDedupResult result = new SemanticDeduplicator(new SemanticDedupOptions { ClusterCount = 1, MaxClusterSize = 100 }).Run(matrix, cancellationToken: Token);

        // k-means cannot split identical points: chunks of 100, 100 and 50 each keep one member.
        Assert.Equal(250 - 3, result.Stats.Dropped);
        Assert.Equal(1, result.Stats.ChunkedClusters);
        Assert.Equal(99L * 100 / 2 * 2 + (50L * 49 / 2), result.Stats.PairsCompared);
    }

    [Fact]
    public void Run_QualityRuleWithoutScores_ThrowsArgument()
    {
        var matrix = new EmbeddingMatrix(3);
        matrix.Add("a", Unit([1f, 0f, 0f]));

        Assert.Throws<ArgumentException>(() =>
            new SemanticDeduplicator(new SemanticDedupOptions { KeepRule = SemanticKeepRule.Quality }).Run(matrix, cancellationToken: Token));
    }

    [Fact]
    public void Run_Empty_ReturnsZeroCounts()
    {
        SemanticDedupResult result = new SemanticDeduplicator(new SemanticDedupOptions()).Run(new EmbeddingMatrix(8), cancellationToken: Token);

        Assert.Empty(result.Dropped);
        Assert.Equal(0, result.Stats.Documents);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(2.0)]
    public void Validate_EpsilonOutOfRange_NamesEpsilon(double epsilon)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(new SemanticDedupOptions { Epsilon = epsilon }.Validate);
        Assert.Equal(nameof(SemanticDedupOptions.Epsilon), error.ParamName);
    }

    internal static float[] RandomUnit(Random random, int dimension)
    {
        var v = new float[dimension];
        for (int i = 0; i < dimension; i++)
        {
            v[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return Unit(v);
    }

    private static float[] Perturb(float[] v, Random random, float scale)
    {
        float[] noise = RandomUnit(random, v.Length);
        TensorPrimitives.MultiplyAdd(noise, scale, v, noise);
        return Unit(noise);
    }

    private static float[] Unit(float[] v)
    {
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
