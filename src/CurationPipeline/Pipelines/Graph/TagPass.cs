using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using CurationPipeline.Documents;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Pipelines.Graph;

/// <summary>
/// The dataflow graph of one tag task: input files → read → each <see cref="IPipelineStage"/> in order → sink.
/// </summary>
/// <remarks>
/// Every block is bounded, so back-pressure reaches the readers and memory stays flat whatever the input size.
/// CPU stages run <see cref="ExecutionOptions.EffectiveWorkers"/> items at once; an <see cref="IBatchPipelineStage"/> gets its
/// items in batches, with as many calls at once as its <see cref="StageResources"/> allow; the sink runs one at a time.
/// A failing document becomes a counted error; only infrastructure failures (the sink, an unreadable file system) fault the task.
/// </remarks>
public sealed class TagPass
{
    /// <summary>The stage name of the readers in the stats.</summary>
    public const string ReadStage = "read";

    /// <summary>The stage name of the sink in the stats.</summary>
    public const string WriteStage = "write";

    private readonly IStorage _storage;
    private readonly DocumentSourceRegistry _sources;
    private readonly IReadOnlyList<IPipelineStage> _stages;
    private readonly ExecutionOptions _execution;
    private readonly ILogger _logger;
    private readonly InputRoot _inputRoot;

    /// <summary>Creates the pass.</summary>
    /// <param name="storage">Where the inputs live.</param>
    /// <param name="sources">Chooses a reader per input file.</param>
    /// <param name="stages">The CPU stages, in order.</param>
    /// <param name="execution">Parallelism and buffer sizes.</param>
    /// <param name="logger">Receives task-level messages.</param>
    /// <param name="inputRoot">The run's input root: documents record their source file relative to it.</param>
    public TagPass(IStorage storage, DocumentSourceRegistry sources, IReadOnlyList<IPipelineStage> stages, ExecutionOptions execution, ILogger logger, InputRoot inputRoot)
    {
        _inputRoot = inputRoot;
        _storage = storage;
        _sources = sources;
        _stages = stages;
        _execution = execution;
        _logger = logger;
    }

    /// <summary>Runs the graph over <paramref name="files"/> into <paramref name="sink"/>, counting into <paramref name="stats"/>.</summary>
    /// <returns>The files the sink committed.</returns>
    /// <remarks>The sink is completed on success; on failure or cancellation it is left for the caller to dispose (which discards it).</remarks>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    /// <exception cref="PipelineStageException">The sink or a reader failed; the message names the stage.</exception>
    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<string> files, ITagSink sink, PipelineStats stats, CancellationToken cancellationToken)
    {
        _sources.CheckReadable(files);
        StageStats read = stats.For(ReadStage);
        StageStats[] stageStats = _stages.Select(s => stats.For(s.Name)).ToArray();
        StageStats write = stats.For(WriteStage);

        using var internalStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken blockToken = internalStop.Token;
        var link = new DataflowLinkOptions { PropagateCompletion = true };
        var cpu = new ExecutionDataflowBlockOptions
        {
            BoundedCapacity = _execution.BoundedCapacity,
            MaxDegreeOfParallelism = _execution.EffectiveWorkers,
            EnsureOrdered = false,
            CancellationToken = blockToken,
        };

        var blocks = new List<IPropagatorBlock<PipelineItem, PipelineItem>>();
        for (int i = 0; i < _stages.Count; i++)
        {
            IPipelineStage stage = _stages[i];
            StageStats counters = stageStats[i];
            blocks.Add(stage is IBatchPipelineStage { Resources.BatchSize: > 1 } batched
                ? CreateBatchBlock(batched, counters, cpu)
                : new TransformBlock<PipelineItem, PipelineItem>(item => RunStage(stage, counters, item), cpu));
        }

        var sinkBlock = new ActionBlock<PipelineItem>(
            item => WriteAsync(sink, write, stats, item, blockToken),
            new ExecutionDataflowBlockOptions
            {
                BoundedCapacity = _execution.BoundedCapacity,
                MaxDegreeOfParallelism = 1,
                CancellationToken = blockToken,
            });

        ITargetBlock<PipelineItem> head = sinkBlock;
        for (int i = blocks.Count - 1; i >= 0; i--)
        {
            blocks[i].LinkTo(head, link);
            head = blocks[i];
        }

        var readers = new ActionBlock<string>(
            file => ReadFileAsync(file, head, read, stats, blockToken),
            new ExecutionDataflowBlockOptions
            {
                MaxDegreeOfParallelism = _execution.Readers,
                BoundedCapacity = DataflowBlockOptions.Unbounded, // holds file names only
                CancellationToken = blockToken,
            });

        // A failed sink stops accepting items; cancel the rest of the graph so no producer waits on it forever.
        _ = sinkBlock.Completion.ContinueWith(
            static (_, state) => ((CancellationTokenSource)state!).Cancel(),
            internalStop,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        foreach (string file in files)
        {
            readers.Post(file);
        }

        readers.Complete();
        await Task.WhenAny(readers.Completion).ConfigureAwait(false);
        if (readers.Completion.IsFaulted)
        {
            throw new PipelineStageException(ReadStage, readers.Completion.Exception!.Flatten().InnerExceptions[0]);
        }

        head.Complete();
        await Task.WhenAny(sinkBlock.Completion).ConfigureAwait(false);
        if (sinkBlock.Completion.IsFaulted)
        {
            throw new PipelineStageException(WriteStage, sinkBlock.Completion.Exception!.Flatten().InnerExceptions[0]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!sinkBlock.Completion.IsCompletedSuccessfully)
        {
            throw new PipelineStageException(WriteStage, new InvalidOperationException("The sink stopped before the input ended."));
        }

        try
        {
            return await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new PipelineStageException(WriteStage, e);
        }
    }

    private async Task ReadFileAsync(string file, ITargetBlock<PipelineItem> next, StageStats read, PipelineStats stats, CancellationToken cancellationToken)
    {
        IDocumentSource source = _sources.Find(file)!; // RunAsync checked that every file has a reader

        try
        {
            await ReadItemsAsync(source, file, next, read, cancellationToken).ConfigureAwait(false);
            stats.CountFile(_storage.Length(file));
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
        {
            // A file that cannot be read (gone, unreadable, a reader bug) costs that file, not the run.
            Log.FileFailed(_logger, e, file);
            read.CountIn();
            read.CountRejected(PipelineReasons.FileFailed, isError: true);
            var rejection = new Rejection(null, file, ReadStage, PipelineReasons.FileFailed, IsError: true, $"{e.GetType().Name}: {e.Message}");
            await next.SendAsync(new PipelineItem { Rejection = rejection }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReadItemsAsync(IDocumentSource source, string file, ITargetBlock<PipelineItem> next, StageStats read, CancellationToken cancellationToken)
    {
        string sourceName = _inputRoot.NameOf(file);
        await foreach (SourceItem sourceItem in source.ReadAsync(_storage, file, cancellationToken).ConfigureAwait(false))
        {
            read.CountIn();
            PipelineItem item;
            if (sourceItem.Document is { } document)
            {
                read.CountOut();
                item = new PipelineItem { Raw = document with { SourcePath = sourceName } };
            }
            else
            {
                Rejection rejection = sourceItem.Rejection!;
                read.CountRejected(rejection.Reason, rejection.IsError);
                item = new PipelineItem { Rejection = rejection };
            }

            if (!await next.SendAsync(item, cancellationToken).ConfigureAwait(false))
            {
                return; // The graph faulted; its exception surfaces from the sink's completion.
            }
        }
    }

    /// <summary>
    /// A batch collector in front of the stage: items wait until <see cref="StageResources.BatchSize"/> have arrived (or the input
    /// ends), then one call handles the live ones and the batch flows on item by item.
    /// </summary>
    private IPropagatorBlock<PipelineItem, PipelineItem> CreateBatchBlock(IBatchPipelineStage stage, StageStats counters, ExecutionDataflowBlockOptions cpu)
    {
        StageResources resources = stage.Resources;
        var collect = new BatchBlock<PipelineItem>(resources.BatchSize, new GroupingDataflowBlockOptions
        {
            BoundedCapacity = Math.Max(resources.BatchSize, cpu.BoundedCapacity),
            CancellationToken = cpu.CancellationToken,
        });
        var run = new TransformManyBlock<PipelineItem[], PipelineItem>(batch => RunBatch(stage, counters, batch), new ExecutionDataflowBlockOptions
        {
            BoundedCapacity = cpu.BoundedCapacity,
            MaxDegreeOfParallelism = resources.ParallelCalls(cpu.MaxDegreeOfParallelism),
            EnsureOrdered = false,
            CancellationToken = cpu.CancellationToken,
        });
        collect.LinkTo(run, new DataflowLinkOptions { PropagateCompletion = true });
        return DataflowBlock.Encapsulate(collect, run);
    }

    private PipelineItem RunStage(IPipelineStage stage, StageStats counters, PipelineItem item)
    {
        if (item.Rejection is not null)
        {
            return item;
        }

        counters.CountIn();
        long start = Stopwatch.GetTimestamp();
        PipelineItem result = Process(stage, item);
        counters.AddBusy(Stopwatch.GetTimestamp() - start);
        Count(counters, result);
        return result;
    }

    private PipelineItem[] RunBatch(IBatchPipelineStage stage, StageStats counters, PipelineItem[] batch)
    {
        PipelineItem[] live = [.. batch.Where(static item => item.Rejection is null)];
        if (live.Length == 0)
        {
            return batch;
        }

        foreach (PipelineItem _ in live)
        {
            counters.CountIn();
        }

        long start = Stopwatch.GetTimestamp();
        var results = new PipelineItem[live.Length];
        try
        {
            stage.ProcessBatch(live, results);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.BatchFailed(_logger, e, stage.Name, live.Length);
            for (int i = 0; i < live.Length; i++)
            {
                results[i] = Process(stage, live[i]);
            }
        }

        counters.AddBusy(Stopwatch.GetTimestamp() - start);
        int next = 0;
        for (int i = 0; i < batch.Length; i++)
        {
            if (batch[i].Rejection is null)
            {
                batch[i] = results[next++];
                Count(counters, batch[i]);
            }
        }

        return batch;
    }

    private PipelineItem Process(IPipelineStage stage, PipelineItem item)
    {
        try
        {
            return stage.Process(item);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A document that breaks a stage is an error for that document, never for the run; and an escaping
            // OperationCanceledException would make Dataflow drop the item silently.
            Log.StageFailed(_logger, e, stage.Name, item.Id);
            return item.Reject(stage.Name, $"{stage.Name}.exception", isError: true, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static void Count(StageStats counters, PipelineItem result)
    {
        if (result.Rejection is { } rejection)
        {
            counters.CountRejected(rejection.Reason, rejection.IsError);
        }
        else
        {
            counters.CountOut();
        }
    }

    private static async Task WriteAsync(ITagSink sink, StageStats write, PipelineStats stats, PipelineItem item, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        bool live = item.Rejection is null;
        if (live)
        {
            write.CountIn();
        }

        await sink.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        if (live)
        {
            write.CountOut();
            stats.CountTokens(item.TokenIds?.Length ?? 0);
        }

        write.AddBusy(Stopwatch.GetTimestamp() - start);
    }
}
