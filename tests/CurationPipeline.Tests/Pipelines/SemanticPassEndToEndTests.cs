using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Embeddings;
using CurationPipeline.Pipelines;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>Embeddings and SemDeDup as passes of <c>curate run</c>, after MinHash dedup, on the bundled JSON Lines sample.</summary>
public sealed class SemanticPassEndToEndTests
{
    [Fact]
    public async Task Run_SemanticEnabled_EmbedsSurvivorsAndAddsSemanticDropsToTheDropList()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PipelineOptions options = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
        options = options with
        {
            Input = new InputOptions { Paths = [Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl")] },
            Execution = options.Execution with { Workers = 2 },
            // A loose epsilon so that the sample's reworded copies (cosine ~0.8-0.95) count as semantic duplicates.
            Semantic = new SemanticOptions { Enabled = true, Embedding = new EmbeddingOptions { UseCuda = false }, Dedup = new SemanticDedupOptions { Epsilon = 0.2 } },
        };
        string output = TestData.NewTempDirectory();
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);

        StatsReport report = (await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct))!;

        StageStatsSnapshot write = report.Stages.Single(s => s.Name == TagPass.WriteStage);
        StageStatsSnapshot minhash = report.Stages.Single(s => s.Name == DedupPass.StageName);
        StageStatsSnapshot embed = report.Stages.Single(s => s.Name == SemanticPass.EmbedStage);
        StageStatsSnapshot semantic = report.Stages.Single(s => s.Name == SemanticPass.DedupStage);
        Assert.True(embed.AddsUp && semantic.AddsUp);
        Assert.Equal(minhash.Out, embed.In); // only MinHash survivors are embedded
        Assert.Equal(embed.Out, semantic.In);
        Assert.NotNull(report.Semantic);
        Assert.True(File.Exists(Path.Combine(output, "embeddings", "tag-00000.emb")));

        IReadOnlyList<DropListRow> drops = DropListFile.Read(LocalStorage.Instance, Path.Combine(output, OutputLayout.Dedup, OutputLayout.DropList));
        Assert.Equal(minhash.DroppedTotal + semantic.DroppedTotal, drops.Count);
        Assert.Equal(semantic.DroppedTotal, drops.Count(d => d.Reason == SemanticDedupReasons.NearDuplicate));
        Assert.True(write.Out > minhash.Out);
    }
}
