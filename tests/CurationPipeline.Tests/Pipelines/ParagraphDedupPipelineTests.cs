using System.Text.Json;
using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Dedup;
using CurationPipeline.Tests.Mixing;
using CurationPipeline.Tokenization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>Paragraph dedup inside <c>curate run</c>: real articles sharing boilerplate lines, tagged with one or three tasks, then mixed.</summary>
public sealed class ParagraphDedupPipelineTests
{
    private static readonly LocalStorage s_storage = LocalStorage.Instance;

    [Fact]
    public async Task Run_BoilerplatedArticlesWithOneOrThreeTasks_SameDecisionsAndTheMixHoldsEachBoilerplateLineOnce()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string input = TestData.NewTempDirectory();
        (string Text, string Id)[] texts = [.. ParagraphDedupTests.Texts(30)];
        for (int file = 0; file < 3; file++)
        {
            await File.WriteAllLinesAsync(Path.Combine(input, $"part-{file}.jsonl"),
                texts.Where((_, i) => i % 3 == file).Select(t => JsonSerializer.Serialize(new { id = t.Id, text = t.Text })), ct);
        }

        (string one, StatsReport report) = await RunAsync(input, worldSize: 1, ct);
        (string three, _) = await RunAsync(input, worldSize: 3, ct);

        string removals = Path.Combine(OutputLayout.Dedup, OutputLayout.ParagraphRemovals);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(one, removals), ct), await File.ReadAllBytesAsync(Path.Combine(three, removals), ct));
        Assert.Equal(await RowsAsync(Path.Combine(one, OutputLayout.Paragraphs), ct), await RowsAsync(Path.Combine(three, OutputLayout.Paragraphs), ct));

        // The oracle: the annotated texts in identity order against an exact set, after the drop list.
        Dictionary<UInt128, AnnotatedDocument> annotated = [];
        foreach (string shard in Directory.GetFiles(Path.Combine(one, OutputLayout.Annotated), "*.parquet"))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(s_storage, shard, ct))
            {
                annotated.Add(DocumentIdentity.KeyOf(document.Id, document.SourcePath, document.SourceOffset), document);
            }
        }

        HashSet<UInt128> dropped = [.. DropListFile.Read(s_storage, Path.Combine(one, OutputLayout.Dedup, OutputLayout.DropList)).Select(r => r.Key)];
        Dictionary<UInt128, int[]> expected = ParagraphDedupTests.ExactOracle(annotated.Values.Select(d => Hashes(d)), dropped);
        Dictionary<UInt128, ParagraphRemoval> decided = ParagraphRemovalFile.Read(s_storage, Path.Combine(one, removals));
        Assert.Equal(expected.Keys.Order(), decided.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, decided[e.Key].Removed));

        ParagraphDedupStats stats = report.Dedup!.Paragraphs!;
        Assert.Equal(2, stats.DocumentsEmptied); // z0 and z1 hold nothing but the boilerplate every article before them has
        Assert.Equal(expected.Count - 2, stats.DocumentsModified);
        Assert.True(stats.DocumentsModified >= 27, "every article but the first loses the two boilerplate lines");
        StageStatsSnapshot stage = report.Stages.Single(s => s.Name == StatsReport.ParagraphStage);
        Assert.True(stage.AddsUp);
        Assert.Equal(2, stage.Dropped[DedupReasons.ParagraphEmptied]);

        // The mix: every surviving document once, rewritten ones with their new tokens; each boilerplate line survives once.
        TextTokenizer tokenizer = TokenizerFactory.Create(new TokenizerOptions());
        List<TokenizedDocument> mixed = await TaggedData.ReadShardsAsync(Path.Combine(one, OutputLayout.Mix, "train"), ct);
        mixed.AddRange(await TaggedData.ReadShardsAsync(Path.Combine(one, OutputLayout.Mix, "validation"), ct));
        Assert.Equal(annotated.Count - dropped.Count - 2, mixed.Count);
        var mixedTexts = new List<string>();
        foreach (TokenizedDocument row in mixed)
        {
            UInt128 key = DocumentIdentity.KeyOf(row.Id, row.SourcePath, row.SourceOffset);
            string text = expected.TryGetValue(key, out int[]? removed) ? ParagraphSplitter.Remove(annotated[key].Text, removed) : annotated[key].Text;
            var ids = new List<int>();
            tokenizer.EncodeDocument(text, ids);
            Assert.Equal(ids, row.InputIds.ToArray());
            mixedTexts.Add(text);
        }

        Assert.Single(mixedTexts, t => t.Contains("Subscribe to our newsletter", StringComparison.Ordinal));
        Assert.Single(mixedTexts, t => t.Contains("We use cookies", StringComparison.Ordinal));
    }

    private static ParagraphHashes Hashes(AnnotatedDocument document)
    {
        var hashes = new List<ulong>();
        ParagraphSplitter.Hash(document.Text, hashes);
        return new ParagraphHashes(document.Id, document.SourcePath ?? "", document.SourceOffset, [.. hashes]);
    }

    /// <summary>Every row of the shards in a folder as (id, tokens), in identity order.</summary>
    private static async Task<List<string>> RowsAsync(string folder, CancellationToken ct) =>
        [.. (await TaggedData.ReadShardsAsync(folder, ct)).Select(r => $"{r.Id} {r.SourcePath} {r.SourceOffset}: {string.Join(',', r.InputIds.ToArray())}").Order(StringComparer.Ordinal)];

    private static async Task<(string Output, StatsReport Report)> RunAsync(string input, int worldSize, CancellationToken ct)
    {
        string mix = await TaggedData.WriteAllGeneralMixAsync(input, ct);
        PipelineOptions options = new()
        {
            Input = new InputOptions { Paths = [input] },
            Execution = new ExecutionOptions { Workers = 2, WorldSize = worldSize },
            Dedup = new DedupOptions { Paragraphs = new ParagraphDedupOptions { Enabled = true, ExpectedParagraphs = 100_000, FalsePositiveRate = 1e-6 } },
            Mix = mix,
        };
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, s_storage, NullLoggerFactory.Instance);
        string output = TestData.NewTempDirectory();
        StatsReport? report = await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct);
        return (output, report!);
    }
}
