namespace CurationPipeline.Pipelines.Stats;

/// <summary>The counters of every stage of one task, in pipeline order, plus run-wide totals.</summary>
/// <remarks>Thread-safe; the progress display reads it while the pass runs.</remarks>
public sealed class PipelineStats
{
    private readonly List<StageStats> _stages = [];
    private long _files;
    private long _tokens;
    private long _bytesRead;

    /// <summary>Creates empty counters with <paramref name="stages"/> registered in that order.</summary>
    public PipelineStats(params IEnumerable<string> stages)
    {
        foreach (string stage in stages)
        {
            For(stage);
        }
    }

    /// <summary>The stage counters, in pipeline order.</summary>
    public IReadOnlyList<StageStats> Stages => _stages;

    /// <summary>Input files fully read.</summary>
    public long FilesDone => Interlocked.Read(ref _files);

    /// <summary>Tokens written to tokenized shards (end-of-document tokens included).</summary>
    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>Input bytes read (compressed size for compressed files).</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Returns the counters of <paramref name="stage"/>, adding them at the end of the order on first use.</summary>
    public StageStats For(string stage)
    {
        lock (_stages)
        {
            foreach (StageStats s in _stages)
            {
                if (s.Name == stage)
                {
                    return s;
                }
            }

            var added = new StageStats(stage);
            _stages.Add(added);
            return added;
        }
    }

    /// <summary>Counts one input file done and its size.</summary>
    public void CountFile(long bytes)
    {
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytesRead, bytes);
    }

    /// <summary>Counts tokens written.</summary>
    public void CountTokens(long tokens) => Interlocked.Add(ref _tokens, tokens);

    /// <summary>Adds another task's report (merging ranks into one <c>stats.json</c>).</summary>
    public void Add(StatsReport report)
    {
        Interlocked.Add(ref _files, report.Files);
        Interlocked.Add(ref _tokens, report.Tokens);
        Interlocked.Add(ref _bytesRead, report.BytesRead);
        foreach (StageStatsSnapshot stage in report.Stages)
        {
            For(stage.Name).Add(stage);
        }
    }

    /// <summary>Copies the counters into a report.</summary>
    /// <param name="wallSeconds">Wall-clock seconds of the run.</param>
    /// <param name="tasks">The tasks the report covers.</param>
    public StatsReport ToReport(double wallSeconds, IReadOnlyList<string> tasks)
    {
        StageStatsSnapshot[] stages;
        lock (_stages)
        {
            stages = _stages.Select(s => s.Snapshot()).ToArray();
        }

        return new StatsReport(tasks, FilesDone, BytesRead, Tokens, Math.Round(wallSeconds, 3), stages);
    }
}
