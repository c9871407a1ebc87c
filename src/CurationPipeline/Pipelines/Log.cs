using CurationPipeline.Dedup;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Pipelines;

/// <summary>Source-generated log messages of the pipelines.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Task {Task}: {Files} input files")]
    public static partial void TaskStarting(ILogger logger, string task, int files);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Task {Task} done in {Seconds:F1} s: {Documents} documents, {Tokens} tokens")]
    public static partial void TaskDone(ILogger logger, string task, double seconds, long documents, long tokens);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Task {Task} already complete (marker {Marker}); skipped")]
    public static partial void TaskSkipped(ILogger logger, string task, string marker);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Stage {Stage} failed on document {Id}")]
    public static partial void StageFailed(ILogger logger, Exception exception, string stage, string? id);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Removed {Count} stale output files of task {Task}")]
    public static partial void StaleOutputsRemoved(ILogger logger, int count, string task);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Reading {Path} failed; its remaining records are lost")]
    public static partial void FileFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Dedup: {Documents} documents, {Clusters} duplicate clusters, {Url} URL, {Exact} exact and {Near} near duplicates dropped")]
    public static partial void DedupDone(ILogger logger, long documents, long clusters, long url, long exact, long near);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Mix written to {Path}: {Tokens} training tokens")]
    public static partial void MixDone(ILogger logger, string path, long tokens);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Embedded task {Task}: {Documents} documents on {Provider}")]
    public static partial void EmbedDone(ILogger logger, string task, long documents, string provider);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Task {Task} completed the tag pass, but the global passes (dedup, semantic, mix) are left to the next run: {Reason}")]
    public static partial void GlobalPassesLeft(ILogger logger, string task, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Dedup: {Documents} documents share their id with another document (" + DedupReasons.DuplicateId + "); each is kept apart by its source path and offset, and only duplicate text drops one")]
    public static partial void DuplicateIds(ILogger logger, long documents);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Stage {Stage} failed on a batch of {Count} documents; running them one by one")]
    public static partial void BatchFailed(ILogger logger, Exception exception, string stage, int count);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Paragraph dedup: {Removed} of {Paragraphs} paragraphs removed; {Modified} documents rewritten, {Emptied} emptied and dropped")]
    public static partial void ParagraphsDone(ILogger logger, long removed, long paragraphs, long modified, long emptied);
}
