using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CurationPipeline.Documents;
using CurationPipeline.Filters;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stages;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Filters;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>The quickstart's decontamination (the GSM8K and MATH files it ships) through the tag pass on real text.</summary>
public sealed class DecontaminationPipelineTests
{
    private static readonly string s_decontam = Path.Combine(TestData.RepoRoot, "pipelines", "decontam");

    [Fact]
    public async Task TagPass_QuickstartDecontam_PlantedDocumentsDroppedCountedAndRejectedWithBenchmark()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        IReadOnlyList<string> articles = RealText.Articles();
        string gsm = Row(Path.Combine(s_decontam, "gsm8k-test.jsonl.gz"), 300, "question");
        string math = Row(Path.Combine(s_decontam, "math-test-minus-math500.jsonl.gz"), 2000, "solution");
        string dir = TestData.NewTempDirectory();
        string input = Path.Combine(dir, "docs.jsonl");
        // 60 real articles; 3 quote a GSM8K question and 2 a MATH solution inside them.
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, 60).Select(i => JsonSerializer.Serialize(new
        {
            id = $"doc-{i:D2}",
            text = i switch
            {
                3 or 17 or 40 => articles[i] + "\n\nHomework help, please: " + gsm,
                25 or 51 => "Worked answer from my notes: " + math + "\n\n" + articles[i],
                _ => articles[i],
            },
        })), ct);
        PipelineOptions options = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
        options = options with { Mix = null, Dedup = options.Dedup with { Enabled = false }, Execution = options.Execution with { Workers = 2 } };
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);
        string output = Path.Combine(dir, "out");

        StatsReport report = (await runner.RunAsync([input], output, options.Execution, null, null, ct))!;

        StageStatsSnapshot filter = report.Stages.Single(s => s.Name == FilterStage.StageName);
        Assert.Equal(5, filter.Dropped[FilterReasons.DecontamNgram]);
        List<Rejection> rejects = [];
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Rejects), "*.parquet"))
        {
            await foreach (Rejection r in ShardReader.ReadRejectsAsync(LocalStorage.Instance, shard, ct))
            {
                rejects.Add(r);
            }
        }

        Dictionary<string, string> decontam = rejects.Where(r => r.Reason == FilterReasons.DecontamNgram).ToDictionary(r => r.Id!, r => r.Detail!);
        Assert.Equal(["doc-03", "doc-17", "doc-25", "doc-40", "doc-51"], decontam.Keys.Order(StringComparer.Ordinal));
        Assert.All(["doc-03", "doc-17", "doc-40"], id => Assert.StartsWith("gsm8k: \"", decontam[id], StringComparison.Ordinal));
        Assert.All(["doc-25", "doc-51"], id => Assert.StartsWith("math_minus_math500: \"", decontam[id], StringComparison.Ordinal));

        int clean = 0;
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Annotated), "*.parquet"))
        {
            await foreach (AnnotatedDocument doc in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                bool planted = decontam.ContainsKey(doc.Id);
                Assert.Equal(planted, doc.Signals.Number("decontam.matched_ngrams") > 0);
                clean += planted ? 0 : 1;
            }
        }

        Assert.Equal(55, clean);
    }

    [Theory]
    [InlineData("gsm8k-test.jsonl.gz", EvalSets.Gsm8kFixture)]
    [InlineData("math-test-minus-math500.jsonl.gz", EvalSets.MathFixture)]
    public async Task ShippedEvalSet_DecompressesToTheFixtureBytes(string shipped, string fixture)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string original = fixture == EvalSets.MathFixture ? await EvalSets.MathAsync(ct) : TestData.Shared(fixture);
        await using var gzip = new GZipStream(File.OpenRead(Path.Combine(s_decontam, shipped)), CompressionMode.Decompress);

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(original)), await SHA256.HashDataAsync(gzip, ct));
    }

    private static string Row(string gzipJsonl, int index, string field)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gzipJsonl), CompressionMode.Decompress));
        for (int i = 0; i < index; i++)
        {
            reader.ReadLine();
        }

        return JsonDocument.Parse(reader.ReadLine()!).RootElement.GetProperty(field).GetString()!;
    }
}
