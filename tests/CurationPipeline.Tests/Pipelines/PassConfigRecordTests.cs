using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>
/// The configuration records of the dedup and semantic passes: a resume with settings that change the drop list is refused
/// naming them; settings that do not change results, and heads added to a finished run, are not.
/// </summary>
public sealed class PassConfigRecordTests
{
    private static readonly LocalStorage s_storage = LocalStorage.Instance;

    [Fact]
    public async Task ForDedup_AnotherThresholdOrParagraphRule_RefusedAndThreadCountsIgnored()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = TestData.NewTempDirectory();
        var options = new DedupOptions();
        await PassConfigRecord.ForDedup(options).CheckOrWriteAsync(s_storage, output, null, ct);

        await PassConfigRecord.ForDedup(options with { Cluster = options.Cluster with { MaxDegreeOfParallelism = 7, ReadBufferBytes = 1 << 12 } })
            .CheckOrWriteAsync(s_storage, output, null, ct);
        var threshold = await Assert.ThrowsAsync<ConfigurationChangedException>(() => PassConfigRecord.ForDedup(options with { Cluster = options.Cluster with { JaccardThreshold = 0.5 } })
            .CheckOrWriteAsync(s_storage, output, null, ct));
        var paragraphs = await Assert.ThrowsAsync<ConfigurationChangedException>(() => PassConfigRecord.ForDedup(options with { Paragraphs = options.Paragraphs with { MinChars = 20 } })
            .CheckOrWriteAsync(s_storage, output, null, ct));

        Assert.Equal(["jaccard_threshold"], threshold.Changed);
        Assert.Equal(["paragraphs"], paragraphs.Changed);
        Assert.Contains("dedup-config.json", threshold.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForSemantic_AnotherEpsilonOrModel_RefusedAndAddedHeadsAccepted()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = TestData.NewTempDirectory();
        var options = new SemanticOptions { Enabled = true };
        await PassConfigRecord.ForSemantic(options).CheckOrWriteAsync(s_storage, output, null, ct);

        await PassConfigRecord.ForSemantic(options with { Heads = [Path.Combine(TestData.RepoRoot, "classifiers", "quality.head")] })
            .CheckOrWriteAsync(s_storage, output, null, ct);
        var epsilon = await Assert.ThrowsAsync<ConfigurationChangedException>(() => PassConfigRecord.ForSemantic(options with { Dedup = options.Dedup with { Epsilon = 0.05 } })
            .CheckOrWriteAsync(s_storage, output, null, ct));
        var precision = await Assert.ThrowsAsync<ConfigurationChangedException>(() => PassConfigRecord.ForSemantic(options with { Embedding = options.Embedding with { Precision = CurationPipeline.Embeddings.EmbeddingPrecision.Fp32 } })
            .CheckOrWriteAsync(s_storage, output, null, ct));

        Assert.Equal(["dedup"], epsilon.Changed);
        Assert.Equal(["precision"], precision.Changed);
    }
}
