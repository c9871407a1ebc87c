using CurationPipeline.Dedup;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Tokenization;
using CurationPipeline.Pipelines;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>The dedup pass inside <c>curate run</c> on the bundled sample, and as separate cluster tasks.</summary>
public sealed class DedupPassEndToEndTests
{
    [Fact]
    public async Task RunCandidatesAsync_TagTasksIncomplete_RefusesNamingTheMissingMarkers()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = TestData.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(output, OutputLayout.Completions));
        await File.WriteAllTextAsync(Path.Combine(output, OutputLayout.Completions, "tag-00000"), "tag/0/2\n", ct);
        var dedup = new DedupPass(LocalStorage.Instance, new DedupOptions(), NullLogger.Instance);

        var candidates = await Assert.ThrowsAsync<PrerequisiteIncompleteException>(() => dedup.RunCandidatesAsync(output, 0, 2, ct));
        var cluster = await Assert.ThrowsAsync<PrerequisiteIncompleteException>(() => dedup.RunClusterAsync(output, 2, ct));

        Assert.Equal(["completions/tag-00001"], candidates.Missing);
        Assert.Equal(["completions/tag-00001"], cluster.Missing);
        Assert.Equal(["tag-00000"], Directory.GetFiles(Path.Combine(output, OutputLayout.Completions)).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunClusterAsync_CandidateTaskIncomplete_RefusesNamingIt()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = TestData.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(output, OutputLayout.Completions));
        await File.WriteAllTextAsync(Path.Combine(output, OutputLayout.Completions, "tag-00000"), "tag/0/1\n", ct);
        var dedup = new DedupPass(LocalStorage.Instance, new DedupOptions(), NullLogger.Instance);

        var e = await Assert.ThrowsAsync<PrerequisiteIncompleteException>(() => dedup.RunClusterAsync(output, 1, ct));

        Assert.Equal(["completions/dedup-00000"], e.Missing);
    }

    [Fact]
    public async Task RunCandidatesAsync_TagMarkersOfTwoSplits_FailsWithWorldSizeMismatch()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = TestData.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(output, OutputLayout.Completions));
        await File.WriteAllTextAsync(Path.Combine(output, OutputLayout.Completions, "tag-00000"), "tag/0/2\n", ct);
        await File.WriteAllTextAsync(Path.Combine(output, OutputLayout.Completions, "tag-00001"), "tag/1/3\n", ct);
        var dedup = new DedupPass(LocalStorage.Instance, new DedupOptions(), NullLogger.Instance);

        await Assert.ThrowsAsync<WorldSizeMismatchException>(() => dedup.RunCandidatesAsync(output, 0, 1, ct));
    }

    [Fact]
    public async Task SemanticSteps_PrerequisitesIncomplete_RefuseNamingTheMissingMarkers()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = TestData.NewTempDirectory();
        var semantic = new SemanticPass(LocalStorage.Instance, new SemanticOptions { Enabled = true }, NullLoggerFactory.Instance, afterMinHash: true);

        var embed = await Assert.ThrowsAsync<PrerequisiteIncompleteException>(() => semantic.EmbedTaskAsync(output, 1, 2, ct));
        var semdedup = await Assert.ThrowsAsync<PrerequisiteIncompleteException>(() => semantic.DeduplicateAsync(output, 2, ct));

        Assert.Equal(["completions/tag-00000", "completions/tag-00001", "completions/dedup-cluster"], embed.Missing);
        Assert.Equal(["completions/embed-00000", "completions/embed-00001"], semdedup.Missing);
        Assert.False(Directory.Exists(Path.Combine(output, OutputLayout.Embeddings)));
    }

    private static readonly LocalStorage s_storage = LocalStorage.Instance;

    [Fact]
    public async Task Run_OtherParallelismAndInputOrder_IdenticalDropListThatKeepsOneOfEachDuplicate()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PipelineOptions options = Load();
        string first = TestData.NewTempDirectory();
        string second = TestData.NewTempDirectory();

        StatsReport a = await RunAsync(options with { Execution = options.Execution with { Workers = 1, Readers = 1 } }, first, reverseInputs: false, ct);
        StatsReport b = await RunAsync(options with { Execution = options.Execution with { Workers = 2, Readers = 2 } }, second, reverseInputs: true, ct);

        string dropA = Path.Combine(first, OutputLayout.Dedup, OutputLayout.DropList);
        string dropB = Path.Combine(second, OutputLayout.Dedup, OutputLayout.DropList);
        Assert.Equal(await File.ReadAllBytesAsync(dropA, ct), await File.ReadAllBytesAsync(dropB, ct));
        Assert.Equal(a.Dedup! with { ClusterSizes = System.Collections.Immutable.ImmutableSortedDictionary<int, long>.Empty }, b.Dedup! with { ClusterSizes = System.Collections.Immutable.ImmutableSortedDictionary<int, long>.Empty });
        Assert.Equal(a.Dedup.ClusterSizes, b.Dedup.ClusterSizes);

        // sample-warc/README.md: 16 exact duplicates (same body, other URL and record id) and 16 near duplicates; the quickstart's
        // URL dedup takes those that share a normalized URL (the same URL later, http for https, utm_/ref parameters, the
        // near duplicates recaptured at the original URL) and the 21 undated JSON Lines documents that repeat WARC pages' URLs.
        IReadOnlyList<DropListRow> drops = DropListFile.Read(s_storage, dropA);
        Assert.True(a.Dedup!.DroppedExact + a.Dedup.DroppedNear + a.Dedup.DroppedUrl >= 32 + 21, $"dropped {a.Dedup}");
        Assert.True(a.Dedup.DroppedUrl >= 21, $"url {a.Dedup.DroppedUrl}");
        Assert.True(a.Dedup.DroppedExact > 0 && a.Dedup.DroppedNear > 0, $"content dedup still finds what URLs do not: {a.Dedup}");
        var dropped = drops.Select(d => d.DocumentId).ToHashSet(StringComparer.Ordinal);
        Assert.All(drops, d => Assert.DoesNotContain(d.KeptId, dropped));
        Assert.All(drops.Where(d => d.Reason != DedupReasons.Url), d => Assert.True(string.CompareOrdinal(d.KeptId, d.DocumentId) < 0, "equal priorities keep the smallest id"));
        StageStatsSnapshot stage = a.Stages.Single(s => s.Name == DedupPass.StageName);
        Assert.True(stage.AddsUp);
        Assert.Equal(drops.Count, stage.DroppedTotal);
    }

    [Fact]
    public async Task Run_DedupAsClusterTasks_SameDropListAsLocalRun()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PipelineOptions options = Load();
        string local = TestData.NewTempDirectory();
        string split = TestData.NewTempDirectory();
        await RunAsync(options, local, reverseInputs: false, ct);

        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, s_storage, NullLoggerFactory.Instance);
        StatsReport? tagged = await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), split, options.Execution, null, null, ct, runDedup: false);
        Assert.Null(tagged!.Dedup);
        Assert.False(File.Exists(Path.Combine(split, OutputLayout.Dedup, OutputLayout.DropList)));
        for (int rank = 0; rank < 3; rank++)
        {
            await runner.Dedup!.RunCandidatesAsync(split, rank, 3, ct);
        }

        DedupStats stats = await runner.Dedup!.RunClusterAsync(split, 3, ct);

        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(local, OutputLayout.Dedup, OutputLayout.DropList), ct),
            await File.ReadAllBytesAsync(Path.Combine(split, OutputLayout.Dedup, OutputLayout.DropList), ct));
        Assert.True(stats.DroppedExact + stats.DroppedNear > 0);
    }

    [Fact]
    public async Task Run_WithMix_WritesTrainingShardsWithoutDroppedDuplicatesAsLastPass()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = TestData.NewTempDirectory();
        string mixFile = Path.Combine(output, "..", Path.GetFileName(output) + "-mix.yaml");
        await File.WriteAllTextAsync(mixFile, """
            name: by-declared-language
            domains:
              - domain: multilingual
                when: { column: declared_language, is_not: en, default: en }
            default_domain: general
            targets: { general: 0.8, multilingual: 0.2 }
            validation_tokens_per_domain: 2000
            """, ct);
        PipelineOptions options = Load() with { Mix = mixFile };

        await RunAsync(options, output, reverseInputs: false, ct);

        string mix = Path.Combine(output, OutputLayout.Mix);
        Assert.True(File.Exists(Path.Combine(mix, "mix-report.json")));
        var dropped = DropListFile.Read(s_storage, Path.Combine(output, OutputLayout.Dedup, OutputLayout.DropList)).Select(d => d.DocumentId).ToHashSet();
        int rows = 0;
        foreach (string shard in Directory.GetFiles(Path.Combine(mix, "train"), "*.parquet"))
        {
            await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(s_storage, shard, ct);
            await foreach (TokenizedDocument doc in reader.ReadAllAsync(ct))
            {
                Assert.DoesNotContain(doc.Id, dropped);
                rows++;
            }
        }

        Assert.True(rows > 0);
        Assert.False(Directory.Exists(Path.Combine(mix, ".shuffle")), "the mix's scratch folder is removed");
        Assert.False(Directory.Exists(Path.Combine(output, OutputLayout.Dedup, "work")), "dedup's scratch folder is removed");
    }

    private static async Task<StatsReport> RunAsync(PipelineOptions options, string output, bool reverseInputs, CancellationToken ct)
    {
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, s_storage, NullLoggerFactory.Instance);
        IReadOnlyList<string> inputs = runner.ResolveInputs(options.Input.Paths);
        return (await runner.RunAsync(reverseInputs ? inputs.Reverse().ToArray() : inputs, output, options.Execution, null, null, ct))!;
    }

    private static PipelineOptions Load() =>
        PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
}
