using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Embeddings;
using C = CurationPipeline.Tests.SemanticDedup.NearDuplicateCorpus;

namespace CurationPipeline.Tests.SemanticDedup;

/// <summary>SemDeDup end to end with the default all-MiniLM-L6-v2 model on CPU.</summary>
public sealed class SemanticDedupDefaultModelTests
{
    private static readonly (string Id, string Text)[] s_documents =
    [
        ("solar", C.Solar), ("solar-reworded", C.SolarReworded), ("solar-templated", C.Templated(C.Solar)),
        ("bread", C.Sourdough), ("bread-reworded", C.SourdoughReworded), ("bread-templated", C.Templated(C.Sourdough)),
        ("castle", C.Castle), ("castle-reworded", C.CastleReworded), ("castle-templated", C.Templated(C.Castle)),
    ];

    [Fact]
    public void Corpus_VariantPairs_BelowMinHashDefaultKnee()
    {
        // datatrove's MinHash (14 buckets × 8 hashes on word 5-grams) merges pairs around Jaccard ≥ 0.72 and rarely below:
        // every variant here is under 0.6, so MinHash at its default keeps them all.
        foreach (string topic in new[] { "solar", "bread", "castle" })
        {
            string original = Text(topic);
            Assert.InRange(WordShingleJaccard(original, Text(topic + "-reworded")), 0, 0.6);
            Assert.InRange(WordShingleJaccard(original, Text(topic + "-templated")), 0, 0.6);
        }
    }

    [Theory]
    [InlineData(EmbeddingPrecision.Fp32)]
    [InlineData(EmbeddingPrecision.Int8)]
    public async Task Run_TemplatedAndRewordedCopies_FoundWithoutMergingTopics(EmbeddingPrecision precision)
    {
        SemanticDedupResult result = await RunAsync(precision);

        Assert.Equal(6, result.Dropped.Length);
        foreach (SemanticDropRow drop in result.Dropped)
        {
            Assert.Equal(Topic(drop.DocumentId), Topic(drop.KeptId));
        }

        Assert.Equal(3, s_documents.Select(d => d.Id).Except(result.Dropped.Select(d => d.DocumentId)).Select(Topic).Distinct().Count());
        Assert.Equal([0L, 6L, 6L], result.Stats.ByEpsilon.Select(e => e.Dropped));
    }

    [Fact]
    public async Task Run_Int8Model_SameDecisionsAsFloat32()
    {
        SemanticDedupResult reference = await RunAsync(EmbeddingPrecision.Fp32);
        SemanticDedupResult quantized = await RunAsync(EmbeddingPrecision.Int8);

        Assert.Equal(reference.Dropped.Select(d => (d.DocumentId, d.KeptId)), quantized.Dropped.Select(d => (d.DocumentId, d.KeptId)));
        Assert.Equal(reference.Stats.ByEpsilon.Select(e => e.Dropped), quantized.Stats.ByEpsilon.Select(e => e.Dropped));
    }

    private static async Task<SemanticDedupResult> RunAsync(EmbeddingPrecision precision)
    {
        using var embedder = TextEmbedder.Create(new EmbeddingOptions { UseCuda = false, Precision = precision });
        var matrix = new EmbeddingMatrix(embedder.Dimension);
        await foreach (EmbeddedItem<(string Id, string Text)> item in embedder.EmbedAsync(
            s_documents.ToAsyncEnumerable(), d => d.Text, TestContext.Current.CancellationToken))
        {
            matrix.Add(item.Item.Id, item.Vector!);
        }

        matrix.SortByIdentity(); // rows arrive as batches finish (thread timing); the semantic pass sorts them too before k-means

        // MiniLM puts a templated or reworded copy at cosine 0.83–0.95 of its original and different topics below 0.2
        // (also when they share the template), so the drop list is made at eps 0.2 and 0.01 is only reported.
        var options = new SemanticDedupOptions { Epsilon = 0.2, ReportEpsilons = [0.01, 0.5] };
        return new SemanticDeduplicator(options).Run(matrix, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static string Text(string id) => s_documents.Single(d => d.Id == id).Text;

    private static string Topic(string id) => id.Split('-')[0];

    private static double WordShingleJaccard(string a, string b)
    {
        HashSet<string> x = Shingles(a);
        HashSet<string> y = Shingles(b);
        return (double)x.Intersect(y).Count() / x.Union(y).Count();
    }

    private static HashSet<string> Shingles(string text)
    {
        string[] words = text.ToLowerInvariant().Split((char[])[' ', '\n', ',', '.', ':', '|', '-'], StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, Math.Max(0, words.Length - 4)).Select(i => string.Join(' ', words, i, 5)).ToHashSet();
    }
}
