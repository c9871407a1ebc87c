using System.Diagnostics;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>
/// The determinism contract as faults: the real <c>curate</c> process is killed with SIGKILL at points across every pass and
/// resumed, at world size 1 and 4, and its outputs are compared with an uninterrupted run's: mix shards, llm.c files and the drop
/// list byte for byte, tagged rows as sets (their order may follow thread timing).
/// </summary>
/// <remarks>
/// The input has four files, two of them copies of the other two, so every record id occurs twice: the duplicate-id case runs
/// through every pass too. A kill point is a named commit (<c>CURATE_FAULT_KILL</c>): the process kills itself there, so the
/// kill lands at the same point on every machine however fast the run is.
/// </remarks>
public sealed class FaultInjectionTests
{
    private static readonly string[] s_compared = ["dedup/drop-list.bin", "dedup/drop-list.parquet", "mix/train", "mix/validation", "mix/bin", "mix/megatron"];

    [Fact]
    public async Task Run_KilledAtEveryPassAndResumed_SameOutputsAsOneCleanRunAtAnyWorldSizeAndWorkers()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string input = WriteInput();
        string pipeline = WritePipeline(input);
        string reference = TestData.NewTempDirectory();
        Assert.Equal(0, await RunToEndAsync(pipeline, input, reference, worldSize: 1, workers: 2, ct));
        Assert.True(new FileInfo(Path.Combine(reference, "mix", "train", "train-00000.parquet")).Length > 0);

        string oneWorker = TestData.NewTempDirectory();
        Assert.Equal(0, await RunToEndAsync(pipeline, input, oneWorker, worldSize: 1, workers: 1, ct));
        await AssertSameOutputsAsync(reference, oneWorker, ct);

        string[] points1 = ["before:*/tokenized/tag-00000-*", "after:*/completions/tag-00000", "before:*/dedup/work/*", "after:*/dedup/drop-list.bin", "before:*/mix/.shuffle/*"];
        string faulted1 = TestData.NewTempDirectory();
        await RunWithKillsAsync(pipeline, input, faulted1, worldSize: 1, points1, ct);
        await AssertSameOutputsAsync(reference, faulted1, ct);

        string[] points4 = ["after:*/completions/tag-00000", "before:*/tokenized/tag-00002-*", "after:*/completions/tag-00003", "before:*/dedup/work/*", "before:*/mix/.shuffle/*"];
        string faulted4 = TestData.NewTempDirectory();
        await RunWithKillsAsync(pipeline, input, faulted4, worldSize: 4, points4, ct);
        await AssertSameOutputsAsync(reference, faulted4, ct);
    }

    /// <summary>
    /// The quickstart pipeline with its paths made absolute and a 10-minute extraction timeout: the timeout is the one
    /// wall-clock limit of a run, and on a loaded test machine it must not drop a page in one run and not in another.
    /// </summary>
    private static string WritePipeline(string input)
    {
        string text = File.ReadAllText(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"))
            .Replace("../", TestData.RepoRoot + "/", StringComparison.Ordinal)
            .Replace("mix: quickstart-mix.yaml", $"mix: {Path.Combine(TestData.RepoRoot, "pipelines", "quickstart-mix.yaml")}", StringComparison.Ordinal)
            .Replace(": decontam/", $": {Path.Combine(TestData.RepoRoot, "pipelines", "decontam")}/", StringComparison.Ordinal)
            .Replace("timeout: 2s", "timeout: 10m", StringComparison.Ordinal);
        Assert.Contains("timeout: 10m", text, StringComparison.Ordinal);
        string path = Path.Combine(Path.GetDirectoryName(input)!, Path.GetFileName(input) + "-pipeline.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The sample crawl and its JSON Lines twice each, under other names: four tasks' worth, every id twice.</summary>
    private static string WriteInput()
    {
        string input = TestData.NewTempDirectory();
        string sample = Path.Combine(TestData.RepoRoot, "sample-warc");
        File.Copy(Path.Combine(sample, "quickstart.warc.gz"), Path.Combine(input, "a.warc.gz"));
        File.Copy(Path.Combine(sample, "quickstart-docs.jsonl"), Path.Combine(input, "b.jsonl"));
        File.Copy(Path.Combine(sample, "quickstart.warc.gz"), Path.Combine(input, "c.warc.gz"));
        File.Copy(Path.Combine(sample, "quickstart-docs.jsonl"), Path.Combine(input, "d.jsonl"));
        return input;
    }

    /// <summary>
    /// Runs once per kill point with <c>CURATE_FAULT_KILL</c> set, so the process kills itself (SIGKILL) at that commit, then runs to
    /// the end. Each point lies past the previous one, so every try must die there: a run that exits on its own fails the test.
    /// </summary>
    private static async Task RunWithKillsAsync(string pipeline, string input, string output, int worldSize, string[] points, CancellationToken ct)
    {
        foreach (string point in points)
        {
            using Process process = Start(pipeline, input, output, worldSize, workers: 2, killAt: point);
            Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            Assert.True(process.ExitCode == 137, $"the run with kill point {point} exited {process.ExitCode}, not by SIGKILL: {await stderr}");
        }

        Assert.Equal(0, await RunToEndAsync(pipeline, input, output, worldSize, workers: 2, ct));
        Assert.Empty(Directory.GetFiles(output, ".tmp-*", SearchOption.AllDirectories));
    }

    private static async Task<int> RunToEndAsync(string pipeline, string input, string output, int worldSize, int workers, CancellationToken ct)
    {
        using Process process = Start(pipeline, input, output, worldSize, workers);
        Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"curate exited {process.ExitCode}: {await stderr}");
        return process.ExitCode;
    }

    private static Process Start(string pipeline, string input, string output, int worldSize, int workers, string? killAt = null)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "curate"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (killAt is not null)
        {
            start.Environment["CURATE_FAULT_KILL"] = killAt;
        }

        foreach (string argument in (string[])["run", pipeline, "--input", input,
            "--output", output, "--world-size", worldSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task AssertSameOutputsAsync(string expected, string actual, CancellationToken ct)
    {
        foreach (string relative in s_compared)
        {
            string[] files = Files(expected, relative);
            Assert.NotEmpty(files);
            Assert.Equal(files, Files(actual, relative));
            foreach (string file in files)
            {
                byte[] want = await File.ReadAllBytesAsync(Path.Combine(expected, file), ct);
                byte[] got = await File.ReadAllBytesAsync(Path.Combine(actual, file), ct);
                Assert.True(want.AsSpan().SequenceEqual(got), $"{file} differs between {expected} and {actual}");
            }
        }

        Assert.Equal(await TaggedRowsAsync(expected, ct), await TaggedRowsAsync(actual, ct));
    }

    private static string[] Files(string root, string relative)
    {
        string path = Path.Combine(root, relative);
        return File.Exists(path)
            ? [relative]
            : [.. Directory.GetFiles(path).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every tokenized row as (id, source, tokens), sorted: what the tag pass wrote, whatever the shard and row order.</summary>
    private static async Task<List<string>> TaggedRowsAsync(string output, CancellationToken ct)
    {
        var rows = new List<string>();
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Tokenized), "*.parquet"))
        {
            await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(LocalStorage.Instance, shard, ct);
            await foreach (TokenizedDocument row in reader.ReadAllAsync(ct))
            {
                rows.Add($"{row.Id}|{row.SourcePath}|{row.SourceOffset}|{string.Join(',', row.InputIds.ToArray())}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(rows);
        return rows;
    }
}
