using System.Diagnostics;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>
/// One writer per output directory, reruns and scratch (issue 14, findings 3 and 4): a second run is refused naming the
/// holder, a killed holder's lock is taken over, the tasks of a cluster run share the directory, a rerun keeps every stage's
/// stats, and no scratch survives a successful run.
/// </summary>
public sealed class PipelineRunnerTests
{
    private static readonly LocalStorage s_storage = LocalStorage.Instance;

    [Fact]
    public void ResolveInputs_AFileNoReaderReads_FailsNamingItAndTheAcceptedTypes()
    {
        (_, PipelineRunner runner) = Docs();
        string folder = TestData.NewTempDirectory();
        File.WriteAllText(Path.Combine(folder, "a.jsonl"), "");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "");

        var e = Assert.Throws<ArgumentException>(() => runner.ResolveInputs([folder]));

        Assert.Contains("notes.txt", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a.jsonl", e.Message, StringComparison.Ordinal);
        Assert.Contains(".warc", e.Message, StringComparison.Ordinal);
        Assert.Contains(".parquet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AnotherRunHoldsTheOutput_RefusesNamingTheHolderAndWritesNothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Docs();
        string output = TestData.NewTempDirectory();
        await using OutputLock first = await OutputLock.AcquireAsync(s_storage, output, "the first run", ct);

        OutputLockedException refused = await Assert.ThrowsAsync<OutputLockedException>(
            () => runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct));

        Assert.Contains("the first run", refused.Message);
        Assert.Contains($"pid {Environment.ProcessId} on {Environment.MachineName}", refused.Message);
        Assert.Contains(output, refused.Message);
        Assert.False(Directory.Exists(Path.Combine(output, OutputLayout.Tokenized)));
        Assert.False(Directory.Exists(Path.Combine(output, OutputLayout.Completions)));
    }

    [Fact]
    public async Task RunAsync_HolderProcessKilledWithSigkill_RefusedWhileAliveThenTakenOver()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Docs();
        string dir = TestData.NewTempDirectory();
        string output = Path.Combine(dir, "out");
        string fifo = Path.Combine(dir, "blocked.jsonl");
        using (Process mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(ct);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // A real `curate run` whose only input is a FIFO: it takes the lock, then blocks reading until a writer comes.
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "curate"))
        {
            ArgumentList = { "run", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"), "--input", fifo, "--output", output, "--workers", "1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process child = Process.Start(start)!;
        var childOutput = new System.Text.StringBuilder();
        child.OutputDataReceived += (_, e) => { lock (childOutput) { childOutput.AppendLine(e.Data); } };
        child.ErrorDataReceived += (_, e) => { lock (childOutput) { childOutput.AppendLine(e.Data); } };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        FileStream? writer = null;
        try
        {
            // Opening the FIFO for writing returns once the child opens it for reading, which it does only after taking the lock.
            Task<FileStream> open = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite), ct);
            Task exited = child.WaitForExitAsync(ct);
            if (await Task.WhenAny(open, exited) == exited)
            {
                using (new FileStream(fifo, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    // Unblocks the writer's open.
                }

                Assert.Fail($"curate exited ({child.ExitCode}) before reading its input: {childOutput}");
            }

            writer = await open;
            OutputLockedException refused = await Assert.ThrowsAsync<OutputLockedException>(
                () => runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct));
            Assert.Contains($"pid {child.Id} on {Environment.MachineName}", refused.Message);
            Assert.Contains("run of all 1 tag tasks", refused.Message);

            child.Kill(); // SIGKILL: no finally block, no disposal runs in the child
            await child.WaitForExitAsync(ct);
            Assert.True(File.Exists(Path.Combine(output, OutputLock.FileName)), "the killed run left its lock file");

            // The takeover resumes the same run (same input: another would be refused as another configuration), fed this time.
            writer.Dispose();
            writer = null;
            Task feed = Task.Run(
                async () =>
                {
                    await using var feeder = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                    await feeder.WriteAsync(await File.ReadAllBytesAsync(options.Input.Paths[0], ct), ct);
                },
                ct);
            StatsReport? report = await runner.RunAsync(runner.ResolveInputs([fifo]), output, options.Execution, null, null, ct);
            await feed;

            Assert.NotNull(report);
            Assert.NotNull(report.Dedup);
            Assert.Empty(Directory.GetFiles(output, OutputLock.FileName + ".*.holder")); // the dead holder's record went with the takeover
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }

            writer?.Dispose();
        }
    }

    [Fact]
    public async Task RunAsync_RankTasksOfOneClusterRun_RunSideBySideAndExcludeWholeDirectoryRuns()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PipelineOptions options = Quickstart();
        options = options with { Execution = options.Execution with { WorldSize = 2, Workers = 1 } };
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, s_storage, NullLoggerFactory.Instance);
        IReadOnlyList<string> inputs = runner.ResolveInputs(options.Input.Paths);
        string output = TestData.NewTempDirectory();

        StatsReport? rank1;
        await using (OutputLock rank0 = await OutputLock.AcquireTaskAsync(s_storage, output, new PipelineTask("tag", 0, 2), ct))
        {
            // Task 0 is running (here: its lock is held): task 1 runs beside it, a second task 0 and a whole-directory run do not.
            rank1 = await runner.RunAsync(inputs, output, options.Execution, 1, null, ct);
            OutputLockedException again = await Assert.ThrowsAsync<OutputLockedException>(() => runner.RunAsync(inputs, output, options.Execution, 0, null, ct));
            Assert.Contains("Task tag/0/2 is already running", again.Message);
            OutputLockedException whole = await Assert.ThrowsAsync<OutputLockedException>(() => runner.RunAsync(inputs, output, options.Execution, null, null, ct));
            Assert.Contains("task tag/0/2", whole.Message);
            await Assert.ThrowsAsync<OutputLockedException>(() => runner.Dedup!.RunClusterAsync(output, 1, ct));
        }

        Assert.Null(rank1); // task 0 has not completed
        Assert.True(File.Exists(Path.Combine(output, OutputLayout.Completions, "tag-00001")));

        await using (OutputLock whole = await OutputLock.AcquireAsync(s_storage, output, "a whole-directory run", ct))
        {
            OutputLockedException refused = await Assert.ThrowsAsync<OutputLockedException>(() => runner.RunAsync(inputs, output, options.Execution, 0, null, ct));
            Assert.Contains("a whole-directory run", refused.Message);
        }

        // Both tasks at once, then the last one to finish runs the global passes.
        string fresh = TestData.NewTempDirectory();
        StatsReport?[] both = await Task.WhenAll(
            runner.RunAsync(inputs, fresh, options.Execution, 0, null, ct, runDedup: false),
            runner.RunAsync(inputs, fresh, options.Execution, 1, null, ct, runDedup: false));
        Assert.Equal(2, both.OfType<StatsReport>().First().Tasks.Count);
        Assert.True(File.Exists(Path.Combine(fresh, OutputLayout.MergedStats)));

        StatsReport? last = await runner.RunAsync(inputs, output, options.Execution, 0, null, ct);
        Assert.NotNull(last?.Dedup);
        Assert.True(File.Exists(Path.Combine(output, OutputLayout.Mix, "mix-report.json")));
        AssertNoScratch(output);
    }

    [Fact]
    public async Task RunAsync_RerunOfAFinishedRun_StatsJsonKeepsDedupAndSemanticStages()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Docs(semantic: true);
        string output = TestData.NewTempDirectory();
        string statsPath = Path.Combine(output, OutputLayout.MergedStats);

        StatsReport first = (await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct))!;
        byte[] written = await File.ReadAllBytesAsync(statsPath, ct);
        StatsReport rerun = (await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct))!;

        Assert.NotNull(first.Dedup);
        Assert.NotNull(first.Semantic);
        Assert.Equal(written, await File.ReadAllBytesAsync(statsPath, ct));
        Assert.Equal(first.Dedup with { ClusterSizes = System.Collections.Immutable.ImmutableSortedDictionary<int, long>.Empty }, rerun.Dedup! with { ClusterSizes = System.Collections.Immutable.ImmutableSortedDictionary<int, long>.Empty });
        Assert.Equal(first.Dedup.ClusterSizes, rerun.Dedup.ClusterSizes);
        Assert.Equal(first.Stages.Select(s => s.Name), rerun.Stages.Select(s => s.Name));
        Assert.Contains(rerun.Stages, s => s.Name == DedupPass.StageName);
        Assert.Contains(rerun.Stages, s => s.Name == SemanticPass.DedupStage);
        AssertNoScratch(output);
    }

    [Fact]
    public async Task RunAsync_RerunAfterAKillDuringDedupAndMix_RemovesTheScratchItLeft()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Docs();
        string output = TestData.NewTempDirectory();
        await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct, runDedup: false);

        // What a SIGKILL during the dedup pass and during the mix leaves: unfinished pair files and runs, a drop list and
        // shuffle buckets under temporary names, and a committed pair file of a candidate task.
        string[] leftovers =
        [
            Path.Combine(output, OutputLayout.Dedup, OutputLayout.DedupWork, $".tmp-{Guid.NewGuid():N}-pairs-00000.bin"),
            Path.Combine(output, OutputLayout.Dedup, OutputLayout.DedupWork, "pairs-00001.bin"),
            Path.Combine(output, OutputLayout.Dedup, OutputLayout.DedupWork, "run-b3-g0-0.tmp"),
            Path.Combine(output, OutputLayout.Dedup, $".tmp-{Guid.NewGuid():N}-{OutputLayout.DropList}"),
            Path.Combine(output, OutputLayout.Mix, ".shuffle", $".tmp-{Guid.NewGuid():N}-bucket-00000.bin"),
            Path.Combine(output, OutputLayout.Mix, "train", $".tmp-{Guid.NewGuid():N}-train-00000.parquet"),
            Path.Combine(output, OutputLayout.Tokenized, $".tmp-{Guid.NewGuid():N}-tag-00000-00001.parquet"),
            Path.Combine(output, $".tmp-{Guid.NewGuid():N}-{OutputLayout.MergedStats}"),
        ];
        foreach (string file in leftovers)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, [1, 2, 3], ct);
        }

        StatsReport? report = await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct);

        Assert.NotNull(report?.Dedup);
        Assert.True(File.Exists(Path.Combine(output, OutputLayout.Mix, "mix-report.json")));
        AssertNoScratch(output);
    }

    [Fact]
    public async Task RunAsync_SuccessfulRun_LeavesNoScratchAndNoHolderRecord()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Docs();
        string output = TestData.NewTempDirectory();

        StatsReport? report = await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct);

        Assert.NotNull(report?.Dedup);
        Assert.True(File.Exists(Path.Combine(output, OutputLayout.Mix, "mix-report.json")));
        AssertNoScratch(output);
        Assert.Empty(Directory.GetFiles(output, "*.holder", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 4)]
    public async Task RunAsync_OutputOfAnotherWorldSize_RefusedBeforeAnyWrite(int first, int second)
    {
        // A marker of tag/0/2 is not tag/0/1: resuming with another split would skip files, or mix another split's shards.
        CancellationToken ct = TestContext.Current.CancellationToken;
        (PipelineOptions options, PipelineRunner runner) = Docs();
        IReadOnlyList<string> inputs = [.. runner.ResolveInputs(options.Input.Paths), Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart.warc.gz")];
        string output = TestData.NewTempDirectory();
        await runner.RunAsync(inputs, output, options.Execution with { WorldSize = first }, null, null, ct, runDedup: false);
        byte[] stats = await File.ReadAllBytesAsync(Path.Combine(output, OutputLayout.MergedStats), ct);

        var refused = await Assert.ThrowsAsync<WorldSizeMismatchException>(() =>
            runner.RunAsync(inputs, output, options.Execution with { WorldSize = second }, null, null, ct, runDedup: false));

        Assert.Contains($"world size {second}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(stats, await File.ReadAllBytesAsync(Path.Combine(output, OutputLayout.MergedStats), ct));
        await Assert.ThrowsAsync<WorldSizeMismatchException>(() =>
            runner.RunAsync(inputs, output, options.Execution with { WorldSize = second }, rank: 0, null, ct, runDedup: false));
    }

    [Fact]
    public async Task RunAsync_ResumedWithAnotherTagConfiguration_RefusedNamingTheSectionBeforeAnyWrite()
    {
        // A killed run resumed with another classifier, filter or input list would mix two configurations' shards.
        CancellationToken ct = TestContext.Current.CancellationToken;
        PipelineOptions options = Docs().Options with { Mix = null, QualityBuckets = null };
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, s_storage, NullLoggerFactory.Instance);
        IReadOnlyList<string> inputs = runner.ResolveInputs(options.Input.Paths);
        string output = TestData.NewTempDirectory();
        await runner.RunAsync(inputs, output, options.Execution with { WorldSize = 2 }, rank: 0, null, ct, runDedup: false);
        string[] before = [.. Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".locks", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

        PipelineRunner otherModel = TagPipelineFactory.CreateRunner(options with { Classifiers = [.. options.Classifiers.Skip(1)] }, s_storage, NullLoggerFactory.Instance);
        var refused = await Assert.ThrowsAsync<ConfigurationChangedException>(() =>
            otherModel.RunAsync(inputs, output, options.Execution with { WorldSize = 2 }, rank: 1, null, ct, runDedup: false));
        Assert.Equal(["classifiers"], refused.Changed);
        var moreInputs = await Assert.ThrowsAsync<ConfigurationChangedException>(() =>
            runner.RunAsync([.. inputs, Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart.warc.gz")], output, options.Execution with { WorldSize = 2 }, null, null, ct));
        Assert.Equal(["inputs"], moreInputs.Changed);
        Assert.Equal<string>(before, [.. Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".locks", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]);

        // Execution settings do not shape the outputs: the run resumes with other workers.
        StatsReport? report = await runner.RunAsync(inputs, output, options.Execution with { WorldSize = 2, Workers = 2 }, null, null, ct, runDedup: false);
        Assert.NotNull(report);
    }

    [Fact]
    public async Task RunAsync_ModelFileEditedInPlace_RefusedAndMovedCopyAccepted()
    {
        // The record holds each model's content hash, not its path.
        CancellationToken ct = TestContext.Current.CancellationToken;
        PipelineOptions options = Docs().Options with { Mix = null, QualityBuckets = null };
        string models = TestData.NewTempDirectory();
        string model = Path.Combine(models, "quality.ngram");
        File.Copy(options.Classifiers[0], model);
        PipelineOptions own = options with { Classifiers = [model] };
        PipelineRunner runner = TagPipelineFactory.CreateRunner(own, s_storage, NullLoggerFactory.Instance);
        IReadOnlyList<string> inputs = runner.ResolveInputs(options.Input.Paths);
        string output = TestData.NewTempDirectory();
        await runner.RunAsync(inputs, output, own.Execution with { WorldSize = 2 }, rank: 0, null, ct, runDedup: false);

        string moved = Path.Combine(TestData.NewTempDirectory(), "renamed.ngram");
        File.Copy(model, moved);
        PipelineOptions movedOptions = own with { Classifiers = [moved] };
        await TagPipelineFactory.CreateRunner(movedOptions, s_storage, NullLoggerFactory.Instance)
            .RunAsync(inputs, output, own.Execution with { WorldSize = 2 }, rank: 1, null, ct, runDedup: false);

        File.Copy(options.Classifiers[1], moved, overwrite: true);
        var refused = await Assert.ThrowsAsync<ConfigurationChangedException>(() => TagPipelineFactory.CreateRunner(movedOptions, s_storage, NullLoggerFactory.Instance)
            .RunAsync(inputs, output, own.Execution with { WorldSize = 2 }, null, null, ct, runDedup: false));
        Assert.Equal(["classifiers"], refused.Changed);
    }

    /// <summary>No temporary file anywhere, and no scratch folder (<c>dedup/work</c>, the mix's <c>.shuffle</c>).</summary>
    private static void AssertNoScratch(string output)
    {
        Assert.Empty(Directory.EnumerateFiles(output, ".tmp-*", SearchOption.AllDirectories));
        Assert.DoesNotContain(Directory.EnumerateDirectories(output, "*", SearchOption.AllDirectories),
            d => Path.GetFileName(d) is OutputLayout.DedupWork or ".shuffle");
    }

    private static PipelineOptions Quickstart() =>
        PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));

    /// <summary>The quickstart pipeline (dedup and mix) on its JSON Lines sample only, which takes seconds.</summary>
    private static (PipelineOptions Options, PipelineRunner Runner) Docs(bool semantic = false)
    {
        PipelineOptions options = Quickstart();
        options = options with
        {
            Input = new InputOptions { Paths = [Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl")] },
            Execution = options.Execution with { Workers = 1 },
        };
        if (semantic)
        {
            options = options with
            {
                Semantic = new SemanticOptions { Enabled = true, Embedding = new CurationPipeline.Embeddings.EmbeddingOptions { UseCuda = false } },
            };
        }

        return (options, TagPipelineFactory.CreateRunner(options, s_storage, NullLoggerFactory.Instance));
    }
}
