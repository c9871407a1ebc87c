using System.Text.Json.Serialization;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stats;

namespace CurationPipeline.Reporting;

/// <summary>Where a running tag task stands: what the terminal line shows and <see cref="RunProgressWriter"/> writes to <c>progress/{task}.json</c>.</summary>
/// <param name="Task">The task, e.g. <c>tag/0/4</c>.</param>
/// <param name="Files">Input files of the task.</param>
/// <param name="FilesDone">Files read to their end.</param>
/// <param name="Records">Records or lines read so far.</param>
/// <param name="Kept">Documents written.</param>
/// <param name="Dropped">Records and documents dropped by a rule, all stages.</param>
/// <param name="Errors">Records and documents lost to damage or failure, all stages.</param>
/// <param name="Tokens">Tokens written.</param>
/// <param name="Seconds">Seconds since the task started.</param>
/// <param name="RecordsPerSecond">Records read per second so far.</param>
/// <param name="EtaSeconds">Seconds left, estimated from the files done (<c>null</c> until the first file is done).</param>
/// <param name="Finished">The task is complete.</param>
public sealed record ProgressSnapshot(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("files_done")] long FilesDone,
    [property: JsonPropertyName("records")] long Records,
    [property: JsonPropertyName("kept")] long Kept,
    [property: JsonPropertyName("dropped")] long Dropped,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("tokens")] long Tokens,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("records_per_second")] double RecordsPerSecond,
    [property: JsonPropertyName("eta_seconds")] double? EtaSeconds,
    [property: JsonPropertyName("finished")] bool Finished)
{
    /// <summary>Reads the live counters of a task.</summary>
    /// <param name="task">The task.</param>
    /// <param name="files">Its input files.</param>
    /// <param name="stats">Its live counters.</param>
    /// <param name="elapsed">Time since it started.</param>
    /// <param name="finished">Whether it is complete.</param>
    /// <returns>The snapshot.</returns>
    public static ProgressSnapshot Of(PipelineTask task, int files, PipelineStats stats, TimeSpan elapsed, bool finished = false)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(stats);
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        long dropped = 0, errors = 0;
        foreach (StageStats stage in stats.Stages)
        {
            dropped += stage.Dropped;
            errors += stage.Errors;
        }

        long read = stats.For(TagPass.ReadStage).In;
        long done = stats.FilesDone;
        double? eta = finished ? 0 : done > 0 && done <= files ? seconds * (files - done) / done : null;
        return new ProgressSnapshot(task.ToString(), files, done, read, stats.For(TagPass.WriteStage).Out, dropped, errors, stats.Tokens,
            Math.Round(seconds, 3), Math.Round(read / seconds, 1), eta is { } e ? Math.Round(e, 1) : null, finished);
    }
}
