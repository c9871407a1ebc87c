using System.Diagnostics;
using System.Text.Json;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;

namespace CurationPipeline.Reporting;

/// <summary>
/// Rewrites <c>OUT/progress/{task}.json</c> (a <see cref="ProgressSnapshot"/>, atomically; one file per task, so the tasks of a
/// cluster run never share one) every interval while a tag task runs and once when it finishes, so another process can follow a
/// long run; forwards every event to an inner observer (the terminal display).
/// </summary>
public sealed class RunProgressWriter : IPipelineObserver, IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private readonly IStorage _storage;
    private readonly string _directory;
    private readonly IPipelineObserver? _inner;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private (PipelineTask Task, int Files, PipelineStats Stats, long Start)? _current;
    private long _taken;
    private long _written;
    private Task _finalWrite = Task.CompletedTask;

    /// <summary>Starts writing.</summary>
    /// <param name="storage">Where the output directory is.</param>
    /// <param name="outputDirectory">The run's output directory.</param>
    /// <param name="interval">How often the snapshot is rewritten while a task runs.</param>
    /// <param name="inner">Receives every event too, or <c>null</c>.</param>
    public RunProgressWriter(IStorage storage, string outputDirectory, TimeSpan interval, IPipelineObserver? inner)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _storage = storage;
        _directory = storage.Combine(outputDirectory, OutputLayout.Progress);
        _inner = inner;
        _loop = LoopAsync(interval, _stop.Token);
    }

    /// <inheritdoc/>
    public void TaskStarted(PipelineTask task, int inputFiles, PipelineStats stats)
    {
        lock (_gate)
        {
            _current = (task, inputFiles, stats, Stopwatch.GetTimestamp());
        }

        _inner?.TaskStarted(task, inputFiles, stats);
    }

    /// <inheritdoc/>
    public void TaskFinished(PipelineTask task, StatsReport report)
    {
        if (Take(finished: true) is { } last)
        {
            _finalWrite = WriteAsync(last);
        }

        _inner?.TaskFinished(task, report);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _finalWrite.ConfigureAwait(false);
        _stop.Dispose();
        _writing.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                if (Take(finished: false) is { } snapshot)
                {
                    await WriteAsync(snapshot).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposal ends the loop; the last state was written by TaskFinished.
        }
    }

    /// <summary>The current task's snapshot, numbered; finishing the task clears it.</summary>
    private (long Number, string Stem, ProgressSnapshot Snapshot)? Take(bool finished)
    {
        lock (_gate)
        {
            if (_current is not { } current)
            {
                return null;
            }

            if (finished)
            {
                _current = null;
            }

            return (++_taken, current.Task.Stem, ProgressSnapshot.Of(current.Task, current.Files, current.Stats, Stopwatch.GetElapsedTime(current.Start), finished));
        }
    }

    /// <summary>Writes a snapshot unless a newer one is already written (a tick that raced the task's end).</summary>
    private async Task WriteAsync((long Number, string Stem, ProgressSnapshot Snapshot) taken)
    {
        await _writing.WaitAsync().ConfigureAwait(false);
        try
        {
            if (taken.Number < _written)
            {
                return;
            }

            _written = taken.Number;
            await using AtomicWrite write = _storage.CreateAtomic(_storage.Combine(_directory, taken.Stem + ".json"));
            await JsonSerializer.SerializeAsync(write.Stream, taken.Snapshot, s_json).ConfigureAwait(false);
            await write.CommitAsync().ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }
}
