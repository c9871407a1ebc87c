using System.Text.Json;
using System.Text.Json.Serialization;
using CurationPipeline.Dedup;
using CurationPipeline.Documents;
using CurationPipeline.Filters;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Mixing;
using CurationPipeline.Tokenization;
using Microsoft.Extensions.Logging.Abstractions;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>
/// The quickstart on the bundled sample with paragraph dedup on and a mix that rehydrates by cluster size (one run shared by
/// every test): decontamination, URL and paragraph dedup in <c>stats.json</c>, cluster sizes against the drop list, the mix's
/// copies, and the report's token counts per language and host.
/// </summary>
public sealed class QuickstartDedupFeaturesTests(QuickstartDedupFeaturesTests.Run run) : IClassFixture<QuickstartDedupFeaturesTests.Run>
{
    private const int RehydratedCopies = 3;

    private static readonly LocalStorage s_storage = LocalStorage.Instance;

    [Fact]
    public async Task StatsJson_Quickstart_ShowsDecontaminationUrlDedupAndParagraphDedup()
    {
        string output = await run.OutputAsync();
        StatsReport stats = await StatsReport.ReadAsync(s_storage, Path.Combine(output, OutputLayout.MergedStats), TestContext.Current.CancellationToken);

        // The sample quotes no benchmark; its matrix-product page once matched MATH on matrix notation alone.
        Assert.Equal(0, stats.Stages.Single(s => s.Name == "filter").Dropped.GetValueOrDefault(FilterReasons.DecontamNgram));
        StageStatsSnapshot dedup = stats.Stages.Single(s => s.Name == DedupPass.StageName);
        Assert.True(dedup.Dropped[DedupReasons.Url] > 0);
        StageStatsSnapshot paragraphs = stats.Stages.Single(s => s.Name == StatsReport.ParagraphStage);
        Assert.Equal(dedup.Out, paragraphs.In);
        Assert.True(paragraphs.AddsUp);
        ParagraphDedupStats counts = stats.Dedup!.Paragraphs!;
        Assert.Equal(paragraphs.DroppedTotal, counts.DocumentsEmptied);
        Assert.True(counts.ParagraphsRemoved > 0 && counts.DocumentsModified > 0, $"{counts}");
        Assert.InRange(counts.ParagraphsRemoved, counts.DocumentsModified + counts.DocumentsEmptied, counts.Paragraphs);
    }

    [Fact]
    public async Task ClusterSizes_Quickstart_EqualTheDropListsRowsPerClusterPlusOne()
    {
        string output = await run.OutputAsync();
        IReadOnlyList<DropListRow> drops = DropListFile.Read(s_storage, Path.Combine(output, OutputLayout.Dedup, OutputLayout.DropList));
        IList<ClusterSizeRow> kept = await ReadClusterSizesAsync(output);

        Dictionary<ulong, int> rowsPerCluster = drops.GroupBy(d => d.ClusterId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(rowsPerCluster.Count, kept.Count); // the sample's ids are unique, so a cluster id names one kept document
        Assert.All(kept, k => Assert.Equal(rowsPerCluster[k.ClusterId] + 1, k.ClusterSize));
        Assert.All(kept, k => Assert.Equal(k.ClusterId, drops.First(d => d.KeptId == k.Id).ClusterId));
        HashSet<UInt128> dropped = [.. drops.Select(d => d.Key)];
        Assert.DoesNotContain(kept, k => dropped.Contains(DocumentIdentity.KeyOf(k.Id, k.SourcePath, k.SourceOffset)));
        Assert.Contains(kept, k => k.ClusterSize > 2);
    }

    [Fact]
    public async Task Mix_RehydrationOfClustersOfTwoOrMore_TrainsEachSuchDocumentThreeTimesAndSingletonsOnce()
    {
        string output = await run.OutputAsync();
        Dictionary<UInt128, int> sizes = (await ReadClusterSizesAsync(output)).ToDictionary(k => DocumentIdentity.KeyOf(k.Id, k.SourcePath, k.SourceOffset), k => k.ClusterSize);
        List<TokenizedDocument> train = await TaggedData.ReadShardsAsync(Path.Combine(output, OutputLayout.Mix, "train"), TestContext.Current.CancellationToken);

        var copies = train.GroupBy(r => DocumentIdentity.KeyOf(r.Id, r.SourcePath, r.SourceOffset)).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(copies, c => Assert.Equal(sizes.GetValueOrDefault(c.Key, 1) >= 2 ? RehydratedCopies : 1, c.Value));
        Assert.Contains(copies, c => c.Value == RehydratedCopies);
        Assert.Contains(copies, c => c.Value == 1);
    }

    [Fact]
    public async Task Report_Quickstart_CountsTokensPerLanguageAndHostAfterParagraphDedup()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = await run.OutputAsync();
        RunReport report = await new RunReportBuilder(s_storage).BuildAsync(output, null, ct);

        TokenSummary tokens = report.Tokens!;
        StageStatsSnapshot paragraphs = report.Stats.Stages.Single(s => s.Name == StatsReport.ParagraphStage);
        Assert.Equal(paragraphs.Out, tokens.Hosts.Sum(h => h.DocumentsAfterDedup));
        Assert.Equal(paragraphs.Out, tokens.Languages.Sum(l => l.DocumentsAfterDedup));
        Assert.Equal(report.Stats.Tokens, tokens.Hosts.Sum(h => h.Tokens));

        // After dedup, a rewritten document counts its rewritten tokens: what the mix has to offer, validation included.
        long mixTokens = report.Mix!.TrainTokens + report.Mix.ValidationTokens;
        List<TokenizedDocument> train = await TaggedData.ReadShardsAsync(Path.Combine(output, OutputLayout.Mix, "train"), ct);
        long distinctTrainTokens = train.DistinctBy(r => (r.Id, r.SourcePath, r.SourceOffset)).Sum(r => (long)r.InputIds.Length);
        Assert.Equal(distinctTrainTokens + report.Mix.ValidationTokens, tokens.Languages.Sum(l => l.TokensAfterDedup));
        Assert.True(mixTokens > distinctTrainTokens + report.Mix.ValidationTokens, "rehydration repeats documents");

        using var html = new StringWriter();
        HtmlReportWriter.Write(report, html);
        Assert.Contains("data-tokens=\"host\"", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("Paragraph dedup", html.ToString(), StringComparison.Ordinal);
    }

    private static async Task<IList<ClusterSizeRow>> ReadClusterSizesAsync(string output) =>
        (await ParquetSerializer.DeserializeAsync<ClusterSizeRow>(Path.Combine(output, OutputLayout.Dedup, DropListFile.ClusterSizesFileName),
            cancellationToken: TestContext.Current.CancellationToken)).Data;

    /// <summary>A row of <c>dedup/cluster-sizes.parquet</c>.</summary>
    public sealed class ClusterSizeRow
    {
        [JsonPropertyName("id")]
        [ParquetRequired]
        public string Id { get; set; } = "";

        [JsonPropertyName("source_path")]
        [ParquetRequired]
        public string SourcePath { get; set; } = "";

        [JsonPropertyName("source_offset")]
        public long SourceOffset { get; set; }

        [JsonPropertyName("cluster_id")]
        public ulong ClusterId { get; set; }

        [JsonPropertyName("cluster_size")]
        public int ClusterSize { get; set; }
    }

    /// <summary>The quickstart with <c>dedup.paragraphs.enabled</c> and a one-epoch general mix with <c>rehydration: {2: 3}</c>, run once.</summary>
    public sealed class Run
    {
        private readonly Lazy<Task<string>> _output = new(RunAsync);

        /// <summary>The run's output directory.</summary>
        public Task<string> OutputAsync() => _output.Value;

        private static async Task<string> RunAsync()
        {
            string output = TestData.NewTempDirectory();
            string mix = Path.Combine(output, "..", Path.GetFileName(output) + "-mix.yaml");
            await File.WriteAllTextAsync(mix, $"""
                name: rehydrated
                seed: 3
                total_tokens: 0
                targets: {"{"} general: 1.0 {"}"}
                max_epochs: 1
                validation_tokens_per_domain: 2000
                rehydration: {"{"} 2: {RehydratedCopies} {"}"}
                """);
            PipelineOptions options = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
            options = options with
            {
                Dedup = options.Dedup with { Paragraphs = new ParagraphDedupOptions { Enabled = true, ExpectedParagraphs = 100_000, FalsePositiveRate = 1e-6 } },
                Mix = Path.GetFullPath(mix),
            };
            PipelineRunner runner = TagPipelineFactory.CreateRunner(options, s_storage, NullLoggerFactory.Instance);
            await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, CancellationToken.None);
            return output;
        }
    }
}
