using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// End-to-end run (tag pass, dedup, mix) of a pipeline, by default the quickstart: documents/s per core, and wall time and
/// peak RSS at 1×, 4× and 16× the input (each size in its own child process, so one run's heap does not inflate another's
/// peak): time should grow linearly, memory stay flat.
/// </summary>
internal sealed class PipelineBenchmark : IBenchmark
{
    public string Name => "pipeline";

    public string Description => "quickstart end to end: docs/s per core, and time and peak RSS at 1x, 4x and 16x input (linear time, flat memory)";

    public async Task<int> RunAsync(string[] args)
    {
        if (args is ["--child", string childPipeline, string childCopies, string childOutput, string childWorkers])
        {
            return await RunChildAsync(childPipeline, int.Parse(childCopies, CultureInfo.InvariantCulture), childOutput, int.Parse(childWorkers, CultureInfo.InvariantCulture));
        }

        // 1x is `base` copies of the pipeline's inputs (default 4, so fixed costs do not dominate); 4x and 16x are multiples of it.
        string pipelinePath = args.Length > 0 ? args[0] : Path.Combine(BenchmarkPaths.RepoRoot(), "pipelines", "quickstart.yaml");
        int baseCopies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        Console.WriteLine($"pipeline: {pipelinePath}   cores: {Environment.ProcessorCount}   1x = {baseCopies} copies of its inputs");
        Console.WriteLine("| input copies | workers | records in | docs kept | wall s | records/s | records/s/core | peak RSS MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var runs = new Dictionary<int, (double Seconds, double PeakMb)>();
        foreach ((int copies, int workers) in new[] { (baseCopies, 1), (baseCopies, 0), (4 * baseCopies, 0), (16 * baseCopies, 0) })
        {
            string output = Path.Combine(Path.GetTempPath(), "curate-bench", Guid.NewGuid().ToString("N"));
            (string line, double seconds, double peakMb) = await RunInChildAsync(pipelinePath, copies, output, workers);
            Console.WriteLine(line);
            if (workers == 0)
            {
                runs[copies / baseCopies] = (seconds, peakMb);
            }

            Directory.Delete(output, recursive: true);
        }

        foreach (int times in (int[])[4, 16])
        {
            Console.WriteLine($"{times}x / 1x: time {runs[times].Seconds / runs[1].Seconds:F2} (linear: {times}), peak RSS {runs[times].PeakMb / runs[1].PeakMb:F2} (flat: 1)");
        }

        return 0;
    }

    private static async Task<(string Line, double Seconds, double PeakMb)> RunInChildAsync(string pipeline, int copies, string output, int workers)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (!Environment.ProcessPath!.EndsWith("CurationPipeline.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(PipelineBenchmark).Assembly.Location);
        }

        foreach (string a in new[] { "pipeline", "--child", pipeline, copies.ToString(CultureInfo.InvariantCulture), output, workers.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using Process child = Process.Start(start)!;
        string text = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        string line = text.Trim().Split('\n')[^1];
        string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
        return (line, double.Parse(cells[5], CultureInfo.InvariantCulture), double.Parse(cells[^2], CultureInfo.InvariantCulture));
    }

    private static async Task<int> RunChildAsync(string pipelinePath, int copies, string output, int workers)
    {
        PipelineOptions options = PipelineConfigLoader.Load(pipelinePath);
        options = options with { Execution = options.Execution with { Workers = workers } };

        // N× input: the same files listed N times under distinct names (hard copies in a temp folder).
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);
        IReadOnlyList<string> original = runner.ResolveInputs(options.Input.Paths);
        string inputDir = output + "-input";
        Directory.CreateDirectory(inputDir);
        var inputs = new List<string>();
        for (int c = 0; c < copies; c++)
        {
            foreach (string file in original)
            {
                string copy = Path.Combine(inputDir, $"{c:D3}-{Path.GetFileName(file)}");
                File.Copy(file, copy);
                inputs.Add(copy);
            }
        }

        long start = Stopwatch.GetTimestamp();
        StatsReport report = (await runner.RunAsync(inputs, output, options.Execution, rank: null, observer: null, CancellationToken.None))!;
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Directory.Delete(inputDir, recursive: true);

        long docsIn = report.Stages.First(s => s.Name == TagPass.ReadStage).In;
        long kept = report.Stages.First(s => s.Name == TagPass.WriteStage).Out;
        int cores = workers == 0 ? Environment.ProcessorCount : workers;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {copies} | {(workers == 0 ? "all" : workers.ToString(CultureInfo.InvariantCulture))} | {docsIn} | {kept} | {seconds:F2} | {docsIn / seconds:F0} | {docsIn / seconds / cores:F0} | {PeakRssMb():F0} |"));
        return 0;
    }

    private static double PeakRssMb()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
