using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>The quickstart pipeline end to end on the bundled sample: the output contract of the tag pass.</summary>
public sealed class QuickstartEndToEndTests
{
    // sample-warc/README.md: 293 WARC records (1 warcinfo, 224 response, 56 request, 10 metadata, 2 revisit) + 21 JSON lines.
    private const int SampleRecords = 293 + 21;

    private static readonly LocalStorage s_storage = LocalStorage.Instance;

    [Fact]
    public async Task Run_Quickstart_TokenizedShardsDecodeToAnnotatedTextAndStatsAddUp()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Quickstart();
        string output = TestData.NewTempDirectory();

        StatsReport report = (await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct))!;

        Assert.NotNull(report);
        Assert.True(File.Exists(Path.Combine(output, OutputLayout.MergedStats)));
        Assert.All(report.Stages, s => Assert.True(s.AddsUp, $"{s.Name}: in {s.In} != out {s.Out} + dropped {s.DroppedTotal} + errors {s.ErrorsTotal}"));
        Assert.Equal(SampleRecords, report.Stages[0].In);
        Assert.Equal(2, report.Files);

        Dictionary<string, AnnotatedDocument> annotated = [];
        foreach (string shard in Shards(output, OutputLayout.Annotated))
        {
            await foreach (AnnotatedDocument doc in ShardReader.ReadAnnotatedAsync(s_storage, shard, ct))
            {
                annotated.Add(doc.Id, doc);
            }
        }

        TextTokenizer tokenizer = TokenizerFactory.Create(options.Tokenize);
        int tokenized = 0;
        long tokens = 0;
        foreach (string shard in Shards(output, OutputLayout.Tokenized))
        {
            await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(s_storage, shard, ct);
            Assert.Equal(tokenizer.Name, reader.Metadata.TokenizerName);
            Assert.Equal(tokenizer.VocabularySize, reader.Metadata.VocabularySize);
            await foreach (TokenizedDocument doc in reader.ReadAllAsync(ct))
            {
                ReadOnlySpan<int> ids = doc.InputIds.Span;
                Assert.Equal(tokenizer.EndOfDocumentId, ids[^1]);
                Assert.Equal(annotated[doc.Id].Text, tokenizer.Decode(ids[..^1]));
                Assert.Equal(TokenizedDocument.GeneralDomain, doc.Domain);
                tokenized++;
                tokens += ids.Length;
            }
        }

        StageStatsSnapshot write = report.Stages.Single(s => s.Name == TagPass.WriteStage);
        // annotated/ also holds what a filter dropped (with its signals and filter_reason); tokenized/ only what it kept.
        Assert.Equal(annotated.Values.Count(d => d.FilterReason is null), tokenized);
        Assert.All(annotated.Values, d => Assert.InRange(d.Signals.Number("quality"), 0, 1));
        // quality_buckets: edges 0.2, 0.376, 0.6, 0.8 on the quality score; the sample spreads over several buckets.
        Assert.All(annotated.Values, d => Assert.Equal(new[] { 0.2, 0.376, 0.6, 0.8 }.Count(e => d.Signals.Number("quality") >= e), d.Signals.Number("quality_bucket")));
        Assert.True(annotated.Values.Select(d => d.Signals.Number("quality_bucket")).Distinct().Count() >= 3);
        Assert.Equal(write.Out, tokenized);
        Assert.Equal(report.Tokens, tokens);
        Assert.True(tokenized > 150, $"only {tokenized} documents kept");

        long rejected = 0;
        foreach (string shard in Shards(output, OutputLayout.Rejects))
        {
            await foreach (Rejection r in ShardReader.ReadRejectsAsync(s_storage, shard, ct))
            {
                Assert.False(string.IsNullOrEmpty(r.Reason));
                rejected++;
            }
        }

        // Every drop of the tag pass is in rejects/; the dedup pass's drops are in its drop list instead.
        Assert.Equal(report.Stages.Where(s => s.Name != DedupPass.StageName).Sum(s => s.DroppedTotal + s.ErrorsTotal), rejected);
        Assert.Empty(Directory.GetFiles(output, ".tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Run_TwoTasksSeparately_MergedStatsOnlyWhenBothDoneAndEqualToOneTask()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Quickstart();
        IReadOnlyList<string> inputs = runner.ResolveInputs(options.Input.Paths);
        string single = TestData.NewTempDirectory();
        string split = TestData.NewTempDirectory();
        ExecutionOptions two = options.Execution with { WorldSize = 2 };

        StatsReport whole = (await runner.RunAsync(inputs, single, options.Execution, null, null, ct))!;
        StatsReport? afterRank1 = await runner.RunAsync(inputs, split, two, 1, null, ct);
        StatsReport? afterRank0 = await runner.RunAsync(inputs, split, two, 0, null, ct);

        Assert.Null(afterRank1);
        Assert.NotNull(afterRank0);
        Assert.Equal(["tag/0/2", "tag/1/2"], afterRank0.Tasks.Order());
        Assert.Equal(
            whole.Stages.Select(s => (s.Name, s.In, s.Out, s.DroppedTotal, s.ErrorsTotal)),
            afterRank0.Stages.Select(s => (s.Name, s.In, s.Out, s.DroppedTotal, s.ErrorsTotal)));
    }

    [Fact]
    public async Task Run_CancelledMidway_LeavesNoMarkerNoHalfShardAndRerunCompletes()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Quickstart();
        IReadOnlyList<string> inputs = runner.ResolveInputs(options.Input.Paths);
        string output = TestData.NewTempDirectory();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var observer = new CancelAfterDocuments(cts, documents: 40);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(inputs, output, options.Execution, null, observer, cts.Token));

        Assert.False(Directory.Exists(Path.Combine(output, OutputLayout.Completions)) && Directory.EnumerateFiles(Path.Combine(output, OutputLayout.Completions)).Any());
        Assert.Empty(Directory.GetFiles(output, ".tmp-*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(output, OutputLayout.MergedStats)));

        // What a killed process (no chance to clean up) would leave: a temporary file and a shard of the unfinished task.
        string tokenizedDir = Path.Combine(output, OutputLayout.Tokenized);
        Directory.CreateDirectory(tokenizedDir);
        string leftoverTemp = Path.Combine(tokenizedDir, ".tmp-0123abcd-tag-00000-00007.parquet");
        string leftoverShard = Path.Combine(tokenizedDir, "tag-00000-00007.parquet");
        File.WriteAllText(leftoverTemp, "half");
        File.WriteAllText(leftoverShard, "stale");

        StatsReport? rerun = await runner.RunAsync(inputs, output, options.Execution, null, null, ct);
        Assert.NotNull(rerun);
        Assert.Equal(SampleRecords, rerun.Stages[0].In);
        Assert.False(File.Exists(leftoverTemp));
        Assert.False(File.Exists(leftoverShard));
    }

    private static (PipelineOptions, PipelineRunner) Quickstart()
    {
        PipelineOptions options = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
        options = options with { Execution = options.Execution with { Workers = 2 } };
        return (options, TagPipelineFactory.CreateRunner(options, s_storage, NullLoggerFactory.Instance));
    }

    private static string[] Shards(string output, string folder)
    {
        string directory = Path.Combine(output, folder);
        string[] files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.parquet") : [];
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>Cancels the run once the live counters show enough documents written.</summary>
    private sealed class CancelAfterDocuments(CancellationTokenSource cts, int documents) : IPipelineObserver
    {
        public void TaskStarted(PipelineTask task, int inputFiles, PipelineStats stats) =>
            _ = Task.Run(async () =>
            {
                while (!cts.IsCancellationRequested && stats.For(TagPass.WriteStage).Out < documents)
                {
                    await Task.Delay(1);
                }

                await cts.CancelAsync();
            });

        public void TaskFinished(PipelineTask task, StatsReport report)
        {
        }
    }
}
