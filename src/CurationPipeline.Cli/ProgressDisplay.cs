using System.Diagnostics;
using System.Globalization;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting;
using Spectre.Console;

namespace CurationPipeline.Cli;

/// <summary>
/// Shows a run's progress on stderr: a live line redrawn twice a second on a terminal, plain periodic lines when
/// stderr is redirected (CI logs, batch jobs), and a summary table on stdout at the end.
/// </summary>
internal sealed class ProgressDisplay : IPipelineObserver, IAsyncDisposable
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private (PipelineTask Task, int Files, PipelineStats Stats, long Start)? _current;

    public ProgressDisplay(TimeSpan plainInterval)
    {
        _interval = _interactive ? TimeSpan.FromMilliseconds(500) : plainInterval;
        _loop = LoopAsync(_stop.Token);
    }

    public void TaskStarted(PipelineTask task, int inputFiles, PipelineStats stats) =>
        _current = (task, inputFiles, stats, Stopwatch.GetTimestamp());

    public void TaskFinished(PipelineTask task, StatsReport report)
    {
        Print();
        if (_interactive)
        {
            Console.Error.WriteLine();
        }

        _current = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Prints the per-stage table of a finished run.</summary>
    public static void PrintSummary(StatsReport report, string outputDirectory)
    {
        var table = new Table().Title($"curate: {report.Files} files, {report.Tokens:N0} tokens, {report.WallSeconds:F1} s")
            .AddColumn("stage").AddColumn(new TableColumn("in").RightAligned()).AddColumn(new TableColumn("out").RightAligned())
            .AddColumn(new TableColumn("dropped").RightAligned()).AddColumn(new TableColumn("errors").RightAligned())
            .AddColumn(new TableColumn("busy s").RightAligned()).AddColumn("top reasons");
        foreach (StageStatsSnapshot s in report.Stages)
        {
            string reasons = string.Join(", ", s.Dropped.Concat(s.Errors).OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key} {kv.Value:N0}"));
            table.AddRow(s.Name, $"{s.In:N0}", $"{s.Out:N0}", $"{s.DroppedTotal:N0}", $"{s.ErrorsTotal:N0}", s.Seconds.ToString("F1", CultureInfo.InvariantCulture), Markup.Escape(reasons));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Output: [bold]{Markup.Escape(outputDirectory)}[/] (stats.json has every reason)");
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                Print();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposal ends the loop; nothing is lost: the final state is printed by TaskFinished and the summary.
        }
    }

    private void Print()
    {
        if (_current is not { } current)
        {
            return;
        }

        ProgressSnapshot p = ProgressSnapshot.Of(current.Task, current.Files, current.Stats, Stopwatch.GetElapsedTime(current.Start));
        string eta = p.EtaSeconds is > 0 and { } left ? $"  ETA {TimeSpan.FromSeconds(Math.Ceiling(left)):c}" : "";
        string line = string.Create(CultureInfo.InvariantCulture,
            $"[{p.Task}] files {p.FilesDone}/{p.Files}  records {p.Records:N0} ({p.RecordsPerSecond:N0}/s)  kept {p.Kept:N0}  dropped {p.Dropped:N0}  errors {p.Errors:N0}  tokens {p.Tokens:N0}  {p.Seconds:F0}s{eta}");
        if (_interactive)
        {
            int width = Math.Max(20, Console.WindowWidth - 1);
            Console.Error.Write("\r" + (line.Length > width ? line[..width] : line.PadRight(width)));
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }
}
