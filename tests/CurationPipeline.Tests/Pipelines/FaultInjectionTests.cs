using System.Diagnostics;
using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>
/// The determinism contract as faults: the real <c>curate</c> process is killed with SIGKILL at points across every pass and
/// resumed, at world size 1 and 4, and with its inputs moved to another folder, and its outputs are compared with an uninterrupted run's (<see cref="RunOutputs.AssertSameAsync"/>):
/// mix shards, llm.c files and the drop list byte for byte, tagged rows as sets (their order may follow thread timing).
/// </summary>
/// <remarks>
/// The input has four files, two of them copies of the other two, so every record id occurs twice: the duplicate-id case runs
/// through every pass too. A kill point is a named commit (<c>CURATE_FAULT_KILL</c>): the process kills itself there, so the
/// kill lands at the same point on every machine however fast the run is.
/// </remarks>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Run_KilledAtEveryPassAndResumed_SameOutputsAsOneCleanRunAtAnyWorldSizeWorkersAndInputFolder()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string input = RunOutputs.WriteInput();
        string pipeline = RunOutputs.WritePipeline(input);
        string reference = TestData.NewTempDirectory();
        Assert.Equal(0, await RunToEndAsync(pipeline, input, reference, worldSize: 1, workers: 2, ct));
        Assert.True(new FileInfo(Path.Combine(reference, "mix", "train", "train-00000.parquet")).Length > 0);

        // One worker, reading a copy of the inputs in another, deeper folder: documents name their file relative to the inputs.
        string moved = Path.Combine(TestData.NewTempDirectory(), "elsewhere", "crawl");
        Directory.CreateDirectory(moved);
        foreach (string file in Directory.GetFiles(input))
        {
            File.Copy(file, Path.Combine(moved, Path.GetFileName(file)));
        }

        string oneWorker = TestData.NewTempDirectory();
        Assert.Equal(0, await RunToEndAsync(pipeline, moved, oneWorker, worldSize: 1, workers: 1, ct));
        await RunOutputs.AssertSameAsync(reference, oneWorker, ct);

        string[] points1 = ["before:*/tokenized/tag-00000-*", "after:*/completions/tag-00000", "before:*/dedup/work/*", "after:*/dedup/drop-list.bin", "before:*/mix/.shuffle/*"];
        string faulted1 = TestData.NewTempDirectory();
        await RunWithKillsAsync(pipeline, input, faulted1, worldSize: 1, points1, ct);
        await RunOutputs.AssertSameAsync(reference, faulted1, ct);

        string[] points4 = ["after:*/completions/tag-00000", "before:*/tokenized/tag-00002-*", "after:*/completions/tag-00003", "before:*/dedup/work/*", "before:*/mix/.shuffle/*"];
        string faulted4 = TestData.NewTempDirectory();
        await RunWithKillsAsync(pipeline, input, faulted4, worldSize: 4, points4, ct);
        await RunOutputs.AssertSameAsync(reference, faulted4, ct);
    }

    /// <summary>
    /// The semantic passes under the same contract: killed after an embeddings file, while a head rewrites annotated shards and
    /// after SemDeDup rewrote the drop list, at world size 2, the resumed run equals one clean run at world size 1 (so an
    /// embedding and its head score must not depend on which documents share its batch).
    /// </summary>
    [Fact]
    public async Task Run_SemanticPassesKilledAndResumed_SameOutputsAsOneCleanRun()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string input = RunOutputs.WriteInput();
        string pipeline = RunOutputs.WritePipeline(input);
        File.AppendAllText(pipeline, $"""

            semantic:
              enabled: true
              embedding:
                use_cuda: false
              dedup:
                epsilon: 0.2
              heads: [{Path.Combine(TestData.RepoRoot, "classifiers", "safety.head")}]

            """);
        string reference = TestData.NewTempDirectory();
        Assert.Equal(0, await RunToEndAsync(pipeline, input, reference, worldSize: 1, workers: 2, ct));
        string dropList = Path.Combine(reference, OutputLayout.Dedup, OutputLayout.DropList);
        Assert.Contains(DropListFile.Read(LocalStorage.Instance, dropList), r => r.Reason == SemanticDedupReasons.NearDuplicate);

        string[] points = ["after:*/embeddings/tag-00000.emb", "after:*/annotated/tag-00001-*", "after:*/dedup/drop-list.bin"];
        string faulted = TestData.NewTempDirectory();
        await RunWithKillsAsync(pipeline, input, faulted, worldSize: 2, points, ct);
        await RunOutputs.AssertSameAsync(reference, faulted, ct);
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
}
