using System.Text.Json;
using CurationPipeline.Dedup;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Mixing;
using CurationPipeline.Tokenization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>
/// Inputs whose ids collide (two JSON Lines files numbering their documents alike, a crawl read twice): a document is identified
/// by its id with its source path and offset, so a duplicate drops only itself and the collision is counted.
/// </summary>
public sealed class DuplicateIdTests
{
    [Fact]
    public async Task Run_TwoJsonLinesFilesWithIds1To50AndOneExactCopy_DropsOnlyTheCopyAndCountsTheCollisions()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string input = TestData.NewTempDirectory();
        var random = new Random(3);
        string[] textsA = [.. Enumerable.Range(0, 50).Select(_ => RandomText(random))];
        string[] textsB = [.. Enumerable.Range(0, 50).Select(_ => RandomText(random))];
        textsB[6] = textsA[2]; // b's id 7 is an exact copy of a's id 3
        WriteJsonLines(Path.Combine(input, "a.jsonl"), textsA);
        WriteJsonLines(Path.Combine(input, "b.jsonl"), textsB);

        (string output, StatsReport report) = await RunAsync(input, ct);

        Assert.Equal(100, report.Dedup!.DuplicateIds);
        Assert.Equal(1, report.Dedup.DroppedExact + report.Dedup.DroppedNear);
        DropListRow drop = Assert.Single(DropListFile.Read(LocalStorage.Instance, Path.Combine(output, OutputLayout.Dedup, OutputLayout.DropList)));
        Assert.Equal(("7", "b.jsonl", "3"), (drop.DocumentId, Path.GetFileName(drop.SourcePath), drop.KeptId));
        using (JsonDocument parquet = DuckDb.Read(Path.Combine(output, OutputLayout.Dedup, "drop-list" + DropListFile.ParquetExtension)))
        {
            JsonElement row = Assert.Single(parquet.RootElement.GetProperty("rows").EnumerateArray());
            Assert.Equal(("7", "b.jsonl", 6L, "3", DedupReasons.Exact, 2),
                (row.GetProperty("id").GetString(), Path.GetFileName(row.GetProperty("source_path").GetString()), long.Parse(row.GetProperty("source_offset").ToString()),
                 row.GetProperty("kept_id").GetString(), row.GetProperty("reason").GetString(), row.GetProperty("cluster_size").GetInt32()));
        }

        List<TokenizedDocument> mixed = await MixedRowsAsync(output, ct);
        Assert.Equal(99, mixed.Count);
        Assert.Equal(99, mixed.Select(r => (r.Id, r.SourcePath)).Distinct().Count());
        Assert.DoesNotContain(mixed, r => r.Id == "7" && Path.GetFileName(r.SourcePath) == "b.jsonl");
        Assert.Contains(mixed, r => r.Id == "7" && Path.GetFileName(r.SourcePath) == "a.jsonl");
    }

    [Fact]
    public async Task Run_SameCrawlTwice_MixHoldsEachRecordOnceAsFromOneCopy()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string sample = Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart.warc.gz");
        string once = TestData.NewTempDirectory();
        string twice = TestData.NewTempDirectory();
        File.Copy(sample, Path.Combine(once, "a.warc.gz"));
        File.Copy(sample, Path.Combine(twice, "a.warc.gz"));
        File.Copy(sample, Path.Combine(twice, "b.warc.gz"));

        (string onceOutput, _) = await RunAsync(once, ct);
        (string twiceOutput, StatsReport report) = await RunAsync(twice, ct);

        List<TokenizedDocument> fromOne = await MixedRowsAsync(onceOutput, ct);
        List<TokenizedDocument> fromTwo = await MixedRowsAsync(twiceOutput, ct);
        Assert.NotEmpty(fromOne);
        Assert.Equal(fromOne.Select(r => r.Id).Order(StringComparer.Ordinal), fromTwo.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(fromTwo, r => Assert.Equal("a.warc.gz", Path.GetFileName(r.SourcePath))); // the smaller identity of each pair is kept
        Assert.True(report.Dedup!.DuplicateIds >= 2 * fromOne.Count);
    }

    private static async Task<(string Output, StatsReport Report)> RunAsync(string input, CancellationToken ct)
    {
        string mix = await TaggedData.WriteAllGeneralMixAsync(input, ct);
        PipelineOptions options = new()
        {
            Input = new InputOptions { Paths = [input] },
            Execution = new ExecutionOptions { Workers = 2 },
            Extract = new CurationPipeline.Extraction.ExtractionOptions { Timeout = TimeSpan.FromMinutes(10) }, // a wall-clock limit: a loaded machine must not drop pages
            Mix = mix,
        };
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);
        string output = TestData.NewTempDirectory();
        StatsReport? report = await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct);
        return (output, report!);
    }

    private static async Task<List<TokenizedDocument>> MixedRowsAsync(string output, CancellationToken ct)
    {
        List<TokenizedDocument> rows = await TaggedData.ReadShardsAsync(Path.Combine(output, OutputLayout.Mix, "train"), ct);
        rows.AddRange(await TaggedData.ReadShardsAsync(Path.Combine(output, OutputLayout.Mix, "validation"), ct));
        return rows;
    }

    private static void WriteJsonLines(string path, string[] texts) =>
        File.WriteAllLines(path, texts.Select((text, i) => JsonSerializer.Serialize(new { id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text })));

    /// <summary>Sixty words drawn from a made-up vocabulary: no two such texts are near duplicates.</summary>
    private static string RandomText(Random random) =>
        string.Join(' ', Enumerable.Range(0, 60).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26)))]))) + ".";
}
