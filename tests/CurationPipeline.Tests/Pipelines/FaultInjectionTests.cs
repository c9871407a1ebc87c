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
/// through every pass too. A kill point is a path appearing in the output directory; the kill lands a few milliseconds later,
/// wherever the process then is, and a point the run passes before the poll sees it only weakens that one try.
/// </remarks>
public sealed class FaultInjectionTests
{
    private static readonly string[] s_compared = ["dedup/drop-list.bin", "dedup/drop-list.parquet", "mix/train", "mix/validation", "mix/bin"];

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

        string[] passes1 = ["tokenized/.tmp-*", "completions/tag-00000", "dedup/work", "completions/dedup-cluster", "mix/.shuffle"];
        string faulted1 = TestData.NewTempDirectory();
        int kills1 = await RunWithKillsAsync(pipeline, input, faulted1, worldSize: 1, passes1, ct);
        await AssertSameOutputsAsync(reference, faulted1, ct);

        string[] passes4 = ["completions/tag-00000", "tokenized/.tmp-*-tag-00002-*", "completions/tag-00003", "dedup/work", "mix/.shuffle"];
        string faulted4 = TestData.NewTempDirectory();
        int kills4 = await RunWithKillsAsync(pipeline, input, faulted4, worldSize: 4, passes4, ct);
        await AssertSameOutputsAsync(reference, faulted4, ct);

        Assert.True(kills1 >= 3 && kills4 >= 3, $"only {kills1} and {kills4} kills landed before the run finished");
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

    /// <summary>Starts a run per kill point, kills it (SIGKILL) once the point's path appears, then runs to the end.</summary>
    /// <returns>How many kills landed before their run finished on its own.</returns>
    private static async Task<int> RunWithKillsAsync(string pipeline, string input, string output, int worldSize, string[] points, CancellationToken ct)
    {
        int kills = 0;
        foreach (string point in points)
        {
            if (Exists(output, point))
            {
                continue;
            }

            using Process process = Start(pipeline, input, output, worldSize, workers: 2);
            while (!process.HasExited && !Exists(output, point))
            {
                await Task.Delay(2, ct);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no finally block, no cleanup
                kills++;
            }

            await process.WaitForExitAsync(ct);
        }

        Assert.Equal(0, await RunToEndAsync(pipeline, input, output, worldSize, workers: 2, ct));
        Assert.Empty(Directory.GetFiles(output, ".tmp-*", SearchOption.AllDirectories));
        return kills;
    }

    private static async Task<int> RunToEndAsync(string pipeline, string input, string output, int worldSize, int workers, CancellationToken ct)
    {
        using Process process = Start(pipeline, input, output, worldSize, workers);
        Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"curate exited {process.ExitCode}: {await stderr}");
        return process.ExitCode;
    }

    private static Process Start(string pipeline, string input, string output, int worldSize, int workers)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "curate"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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

    private static bool Exists(string output, string point)
    {
        string path = Path.Combine(output, point);
        string directory = Path.GetDirectoryName(path)!;
        string name = Path.GetFileName(path);
        return name.Contains('*')
            ? Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory, name).Any()
            : File.Exists(path) || Directory.Exists(path);
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
