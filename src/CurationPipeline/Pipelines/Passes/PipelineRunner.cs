using System.Diagnostics;
using CurationPipeline.Dedup;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Layout.Internal;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using CurationPipeline.Storage.Azure;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Pipelines.Passes;

/// <summary>Runs the tasks of the tag pass and merges their stats: the same code a local run and a cluster array element execute.</summary>
/// <remarks>
/// A task whose completion marker exists is skipped, so a re-run after a crash redoes only the unfinished tasks; a task that
/// runs again first removes the shards an earlier, unfinished attempt left, so no half run's output mixes with the new one.
/// A run holds its output directory (<see cref="OutputLock"/>): all tasks exclusively, one task (<c>rank</c>) side by side
/// with the other tasks of its cluster run; a second run into the directory is refused with <see cref="OutputLockedException"/>.
/// </remarks>
public sealed class PipelineRunner
{
    private const string Pass = PassRegistry.Tag;

    private readonly IStorage _storage;
    private readonly DocumentSourceRegistry _sources;
    private readonly IReadOnlyList<IPipelineStage> _stages;
    private readonly Func<PipelineTask, string, ITagSink> _createSink;
    private readonly ILogger _logger;
    private readonly (Mixer Mixer, MixOptions Options)? _mix;
    private readonly PassConfigRecord? _record;

    /// <summary>Creates a runner.</summary>
    /// <param name="storage">Where inputs and outputs live.</param>
    /// <param name="sources">Chooses a reader per input file.</param>
    /// <param name="stages">The CPU stages in order.</param>
    /// <param name="createSink">Creates the sink of a task, given the task and the output directory.</param>
    /// <param name="logger">Receives task-level messages.</param>
    /// <param name="dedup">The dedup pass to run once every tag task is complete, or <c>null</c> for none.</param>
    /// <param name="mix">The mix to apply after dedup (into <c>mix/</c>), or <c>null</c> for none.</param>
    /// <param name="semantic">Embeddings and SemDeDup after MinHash dedup, or <c>null</c> for none.</param>
    /// <param name="record">The configuration a resumed tag pass must match (<c>tag-config.json</c>), or <c>null</c> to check none.</param>
    internal PipelineRunner(IStorage storage, DocumentSourceRegistry sources, IReadOnlyList<IPipelineStage> stages, Func<PipelineTask, string, ITagSink> createSink, ILogger logger,
        DedupPass? dedup = null, (Mixer Mixer, MixOptions Options)? mix = null, SemanticPass? semantic = null, PassConfigRecord? record = null)
    {
        _record = record;
        Semantic = semantic;
        _mix = mix;
        Dedup = dedup;
        _storage = storage;
        _sources = sources;
        _stages = stages;
        _createSink = createSink;
        _logger = logger;
    }

    /// <summary>The dedup pass, or <c>null</c> when the pipeline does not dedup; cluster runs call its steps directly.</summary>
    public DedupPass? Dedup { get; }

    /// <summary>The semantic pass, or <c>null</c> when the pipeline does not run it; cluster runs call its steps directly.</summary>
    public SemanticPass? Semantic { get; }

    /// <summary>Lists the input files of a run: every pattern expanded, duplicates removed, in ordinal order.</summary>
    /// <exception cref="ArgumentException">No input is given, a pattern matches no file, or a file is of no type a reader reads.</exception>
    public IReadOnlyList<string> ResolveInputs(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            throw new ArgumentException("No input: name files, directories or globs under input.paths or with --input.", nameof(patterns));
        }

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string pattern in patterns)
        {
            IReadOnlyList<string> matches = _storage.List(pattern);
            if (matches.Count == 0)
            {
                throw new ArgumentException($"Input '{pattern}' matches no file.", nameof(patterns));
            }

            files.UnionWith(matches);
        }

        _sources.CheckReadable(files);
        return files.ToArray();
    }

    /// <summary>Runs the tag pass's tasks (all of them, or only <paramref name="rank"/>) into <paramref name="outputDirectory"/>.</summary>
    /// <param name="inputs">The input files, as <see cref="ResolveInputs"/> returns them (the same list on every rank).</param>
    /// <param name="outputDirectory">The run's output directory.</param>
    /// <param name="execution">World size and parallelism.</param>
    /// <param name="rank">Run only this rank; <c>null</c> runs every rank in turn.</param>
    /// <param name="observer">Receives progress, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run; finished tasks stay finished.</param>
    /// <param name="runDedup">Run the dedup pass in this process once every tag task is complete (a cluster runs its steps as tasks instead).</param>
    /// <returns>
    /// The merged report when every task of the pass is complete (then the dedup pass, when configured, has run too and its
    /// figures are in the report), otherwise <c>null</c>.
    /// </returns>
    /// <exception cref="OperationCanceledException">The run was cancelled; the running task leaves no marker and no committed shard set.</exception>
    /// <exception cref="PipelineStageException">A task failed beyond single documents.</exception>
    /// <exception cref="OutputLockedException">Another run (or this task, elsewhere) is writing the output directory; nothing was written.</exception>
    /// <exception cref="WorldSizeMismatchException">The directory holds tag tasks of another world size; nothing was written.</exception>
    /// <exception cref="ConfigurationChangedException">The directory's tag pass was started with another configuration; nothing was written.</exception>
    public async Task<StatsReport?> RunAsync(
        IReadOnlyList<string> inputs,
        string outputDirectory,
        ExecutionOptions execution,
        int? rank,
        IPipelineObserver? observer,
        CancellationToken cancellationToken,
        bool runDedup = true)
    {
        int worldSize = execution.WorldSize;
        if (rank is { } only)
        {
            return await RunOneTaskAsync(new PipelineTask(Pass, only, worldSize), inputs, outputDirectory, execution, observer, cancellationToken, runDedup).ConfigureAwait(false);
        }

        await using OutputLock held = await OutputLock.AcquireAsync(_storage, outputDirectory, $"run of all {worldSize} tag tasks", cancellationToken).ConfigureAwait(false);
        CompletionMarker.CheckWorldSize(_storage, outputDirectory, Pass, worldSize);
        await CheckRecordAsync(outputDirectory, inputs, cancellationToken).ConfigureAwait(false);
        OutputScratch.RemoveFromRun(_storage, outputDirectory);
        for (int taskRank = 0; taskRank < worldSize; taskRank++)
        {
            var task = new PipelineTask(Pass, taskRank, worldSize);
            task.Validate();
            await InStage(Pass, RunTaskAsync(task, inputs, outputDirectory, execution, observer, cancellationToken)).ConfigureAwait(false);
        }

        StatsReport? report = await MergeIfCompleteAsync(outputDirectory, worldSize, cancellationToken).ConfigureAwait(false);
        return report is null || !runDedup ? report : await RunGlobalPassesAsync(report, outputDirectory, worldSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One task of a cluster run, side by side with the others (<see cref="OutputLock.AcquireTaskAsync"/>). When it completes the
    /// pass and <paramref name="runDedup"/> is set, the global passes follow if this process gets the whole directory; if another
    /// task still holds its share, they are left to whoever runs them next (<c>curate run</c> again, or <c>--pass cluster</c>).
    /// </summary>
    private async Task<StatsReport?> RunOneTaskAsync(PipelineTask task, IReadOnlyList<string> inputs, string outputDirectory, ExecutionOptions execution,
        IPipelineObserver? observer, CancellationToken cancellationToken, bool runDedup)
    {
        task.Validate();
        StatsReport? report;
        await using (OutputLock held = await OutputLock.AcquireTaskAsync(_storage, outputDirectory, task, cancellationToken).ConfigureAwait(false))
        {
            CompletionMarker.CheckWorldSize(_storage, outputDirectory, Pass, task.WorldSize);
            await CheckRecordAsync(outputDirectory, inputs, cancellationToken).ConfigureAwait(false);
            await RunTaskAsync(task, inputs, outputDirectory, execution, observer, cancellationToken).ConfigureAwait(false);
            report = await MergeIfCompleteAsync(outputDirectory, task.WorldSize, cancellationToken).ConfigureAwait(false);
        }

        if (report is null || !runDedup || (Dedup is null && Semantic is null && _mix is null))
        {
            return report;
        }

        OutputLock whole;
        try
        {
            whole = await OutputLock.AcquireAsync(_storage, outputDirectory, $"global passes after task {task}", cancellationToken).ConfigureAwait(false);
        }
        catch (OutputLockedException e)
        {
            Log.GlobalPassesLeft(_logger, task.ToString(), e.Message);
            return report;
        }

        await using (whole)
        {
            OutputScratch.RemoveFromRun(_storage, outputDirectory);
            return await RunGlobalPassesAsync(report, outputDirectory, task.WorldSize, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Dedup, the semantic pass and the mix, each skipped when complete; the caller holds the whole directory.</summary>
    private async Task<StatsReport> RunGlobalPassesAsync(StatsReport report, string outputDirectory, int worldSize, CancellationToken cancellationToken)
    {
        if (Dedup is not null && await InStage(PassRegistry.Dedup, Dedup.RunLocalAsync(outputDirectory, cancellationToken)).ConfigureAwait(false) is { } dedup)
        {
            report = report.WithDedup(dedup);
        }

        if (Semantic is not null)
        {
            await InStage("semantic", Semantic.RunLocalAsync(outputDirectory, worldSize, cancellationToken)).ConfigureAwait(false);
            report = await StatsReport.ReadAsync(_storage, _storage.Combine(outputDirectory, OutputLayout.MergedStats), cancellationToken).ConfigureAwait(false);
        }

        if (_mix is { } mix)
        {
            MixReport mixed = await InStage(PassRegistry.Mix, mix.Mixer.RunAsync(outputDirectory, _storage.Combine(outputDirectory, OutputLayout.Mix), mix.Options, cancellationToken)).ConfigureAwait(false);
            Log.MixDone(_logger, _storage.Combine(outputDirectory, OutputLayout.Mix), mixed.TrainTokens);
        }

        return report;
    }

    private async Task RunTaskAsync(PipelineTask task, IReadOnlyList<string> inputs, string outputDirectory, ExecutionOptions execution, IPipelineObserver? observer, CancellationToken cancellationToken)
    {
        string marker = _storage.Combine(outputDirectory, OutputLayout.Completions, task.Stem);
        if (_storage.Exists(marker))
        {
            Log.TaskSkipped(_logger, task.ToString(), marker);
            return;
        }

        RemoveStaleOutputs(task, outputDirectory);
        string[] files = inputs.Where((_, i) => task.Owns(i)).ToArray();
        var stats = new PipelineStats([TagPass.ReadStage, .. _stages.Select(s => s.Name), TagPass.WriteStage]);
        Log.TaskStarting(_logger, task.ToString(), files.Length);
        observer?.TaskStarted(task, files.Length, stats);

        long start = Stopwatch.GetTimestamp();
        BlobStorageCounts? blobBefore = BlobCounts();
        var pass = new TagPass(_storage, _sources, _stages, execution, _logger, InputRoot.Of(inputs));
        IReadOnlyList<string> committed;
        await using (ITagSink sink = _createSink(task, outputDirectory))
        {
            committed = await pass.RunAsync(files, sink, stats, cancellationToken).ConfigureAwait(false);
        }

        StatsReport report = stats.ToReport(Stopwatch.GetElapsedTime(start).TotalSeconds, [task.ToString()]) with
        {
            BlobStorage = BlobCounts() is { Requests: > 0 } blobAfter && blobBefore is not null ? blobAfter - blobBefore : null,
        };
        await report.WriteAsync(_storage, _storage.Combine(outputDirectory, OutputLayout.Stats, task.Stem + ".json"), cancellationToken).ConfigureAwait(false);

        // The marker goes last: its presence means every output of the task is committed.
        await CompletionMarker.WriteAsync(_storage, marker, task + "\n" + string.Join("\n", committed) + "\n", cancellationToken).ConfigureAwait(false);

        Log.TaskDone(_logger, task.ToString(), report.WallSeconds, stats.For(TagPass.WriteStage).Out, report.Tokens);
        observer?.TaskFinished(task, report);
    }

    /// <summary>
    /// Fails when a pass of <paramref name="outputDirectory"/> was started with another configuration than this runner's (the
    /// records the passes write, <c>tag-config.json</c> and the global passes' own); writes nothing. A cluster launcher calls it
    /// before submitting, so a changed configuration fails at once rather than in every array task.
    /// </summary>
    /// <exception cref="ConfigurationChangedException">A record differs.</exception>
    public async Task CheckConfigurationAsync(IReadOnlyList<string> inputs, string outputDirectory, CancellationToken cancellationToken)
    {
        if (_record is not null)
        {
            await _record.CheckAsync(_storage, outputDirectory, inputs, cancellationToken).ConfigureAwait(false);
        }

        if (Dedup is not null)
        {
            await Dedup.Record.CheckAsync(_storage, outputDirectory, null, cancellationToken).ConfigureAwait(false);
        }

        if (Semantic is not null)
        {
            await Semantic.Record.CheckAsync(_storage, outputDirectory, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task CheckRecordAsync(string outputDirectory, IReadOnlyList<string> inputs, CancellationToken cancellationToken) =>
        _record?.CheckOrWriteAsync(_storage, outputDirectory, inputs, cancellationToken) ?? Task.CompletedTask;

    /// <summary>Names the pass in an infrastructure failure (disk full, permissions, damaged files) that its own stages did not name.</summary>
    private static async Task InStage(string stage, Task work) => await InStage(stage, WithResult(work)).ConfigureAwait(false);

    /// <inheritdoc cref="InStage(string, Task)"/>
    private static async Task<T> InStage<T>(string stage, Task<T> work)
    {
        try
        {
            return await work.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new PipelineStageException(stage, e);
        }
    }

    private static async Task<bool> WithResult(Task work)
    {
        await work.ConfigureAwait(false);
        return true;
    }

    private void RemoveStaleOutputs(PipelineTask task, string outputDirectory)
    {
        int removed = 0;
        foreach (string folder in OutputLayout.ShardFolders)
        {
            // Committed shards of an unfinished attempt, and temporary files of a killed one.
            foreach (string pattern in new[] { task.Stem + "-*", ".tmp-*-" + task.Stem + "-*" })
            {
                foreach (string file in _storage.List(_storage.Combine(outputDirectory, folder, pattern)))
                {
                    _storage.Delete(file);
                    removed++;
                }
            }
        }

        if (removed > 0)
        {
            Log.StaleOutputsRemoved(_logger, removed, task.ToString());
        }
    }

    private async Task<StatsReport?> MergeIfCompleteAsync(string outputDirectory, int worldSize, CancellationToken cancellationToken)
    {
        var merged = new PipelineStats();
        var tasks = new List<string>();
        double wall = 0;
        BlobStorageCounts? blob = null;
        for (int rank = 0; rank < worldSize; rank++)
        {
            var task = new PipelineTask(Pass, rank, worldSize);
            if (!_storage.Exists(_storage.Combine(outputDirectory, OutputLayout.Completions, task.Stem)))
            {
                return null;
            }

            StatsReport report = await StatsReport.ReadAsync(_storage, _storage.Combine(outputDirectory, OutputLayout.Stats, task.Stem + ".json"), cancellationToken).ConfigureAwait(false);
            merged.Add(report);
            tasks.AddRange(report.Tasks);
            wall += report.WallSeconds;
            blob = report.BlobStorage is { } counts ? (blob is null ? counts : blob + counts) : blob;
        }

        // The global passes' own stats files: a rerun of a finished run keeps their stages.
        StatsReport result = merged.ToReport(wall, tasks) with { BlobStorage = blob };
        if (Dedup is not null && _storage.Exists(Dedup.StatsPath(outputDirectory)))
        {
            StatsReport dedup = await StatsReport.ReadAsync(_storage, Dedup.StatsPath(outputDirectory), cancellationToken).ConfigureAwait(false);
            result = dedup.Dedup is { } stats ? result.WithDedup(stats) : result;
        }

        if (Semantic is not null && _storage.Exists(Semantic.StatsPath(outputDirectory)))
        {
            StatsReport semantic = await StatsReport.ReadAsync(_storage, Semantic.StatsPath(outputDirectory), cancellationToken).ConfigureAwait(false);
            if (semantic.Semantic is { } stats && semantic.Stages.FirstOrDefault(s => s.Name == SemanticPass.EmbedStage) is { } embed)
            {
                result = result.WithSemantic(embed, stats);
            }
        }

        await result.WriteAsync(_storage, _storage.Combine(outputDirectory, OutputLayout.MergedStats), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>The blob storage counters of this process now, or <c>null</c> when the storage has no blob store.</summary>
    private BlobStorageCounts? BlobCounts() => (_storage as RoutingStorage)?.BlobStats?.Snapshot();
}
