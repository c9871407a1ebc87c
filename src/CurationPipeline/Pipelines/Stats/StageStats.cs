using System.Collections.Concurrent;
using System.Diagnostics;

namespace CurationPipeline.Pipelines.Stats;

/// <summary>Thread-safe counters of one stage: documents in, out, dropped and failed by reason, and busy time.</summary>
/// <remarks>Invariant once the stage is done: <c>In == Out + Dropped + Errors</c>.</remarks>
public sealed class StageStats
{
    private readonly ConcurrentDictionary<string, long> _dropped = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _in;
    private long _out;
    private long _busyTicks;

    /// <summary>Creates counters for the stage <paramref name="name"/>.</summary>
    public StageStats(string name) => Name = name;

    /// <summary>The stage name.</summary>
    public string Name { get; }

    /// <summary>Items that entered the stage.</summary>
    public long In => Interlocked.Read(ref _in);

    /// <summary>Items that left the stage alive.</summary>
    public long Out => Interlocked.Read(ref _out);

    /// <summary>Items dropped by a rule, all reasons together.</summary>
    public long Dropped => _dropped.Values.Sum();

    /// <summary>Items that failed (damaged input, a stage error), all reasons together.</summary>
    public long Errors => _errors.Values.Sum();

    /// <summary>Time spent inside the stage, summed over its worker threads.</summary>
    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _busyTicks));

    /// <summary>Dropped counts per reason.</summary>
    public IReadOnlyDictionary<string, long> DroppedByReason => _dropped;

    /// <summary>Error counts per reason.</summary>
    public IReadOnlyDictionary<string, long> ErrorsByReason => _errors;

    /// <summary>Counts one item entering the stage.</summary>
    public void CountIn() => Interlocked.Increment(ref _in);

    /// <summary>Counts one item leaving the stage alive.</summary>
    public void CountOut() => Interlocked.Increment(ref _out);

    /// <summary>Counts one item dropped (<paramref name="isError"/> false) or failed (true) for <paramref name="reason"/>.</summary>
    public void CountRejected(string reason, bool isError) =>
        (isError ? _errors : _dropped).AddOrUpdate(reason, 1, static (_, n) => n + 1);

    /// <summary>Adds time spent in the stage, in <see cref="Stopwatch"/> ticks.</summary>
    public void AddBusy(long stopwatchTicks) => Interlocked.Add(ref _busyTicks, stopwatchTicks);

    /// <summary>Adds another task's counters for the same stage (merging ranks).</summary>
    public void Add(StageStatsSnapshot other)
    {
        Interlocked.Add(ref _in, other.In);
        Interlocked.Add(ref _out, other.Out);
        Interlocked.Add(ref _busyTicks, (long)(other.Seconds * Stopwatch.Frequency));
        foreach ((string reason, long n) in other.Dropped)
        {
            _dropped.AddOrUpdate(reason, n, (_, v) => v + n);
        }

        foreach ((string reason, long n) in other.Errors)
        {
            _errors.AddOrUpdate(reason, n, (_, v) => v + n);
        }
    }

    /// <summary>A consistent-enough copy for reports (counters are read one by one while workers may run).</summary>
    public StageStatsSnapshot Snapshot() => new(
        Name,
        In,
        Out,
        Dropped,
        Errors,
        new SortedDictionary<string, long>(_dropped, StringComparer.Ordinal),
        new SortedDictionary<string, long>(_errors, StringComparer.Ordinal),
        Math.Round(Busy.TotalSeconds, 3));
}
