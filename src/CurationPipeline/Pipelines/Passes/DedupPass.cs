using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Layout.Internal;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Pipelines.Passes;

/// <summary>
/// The global dedup pass over the tag pass's signature files: candidate pairs per band (one task per rank), then one
/// clustering task that writes <c>dedup/drop-list.bin</c>. It reads signatures only, never text.
/// </summary>
/// <remarks>
/// Locally <see cref="RunLocalAsync"/> runs both steps; on a cluster each rank runs <see cref="RunCandidatesAsync"/> and one
/// task then runs <see cref="RunClusterAsync"/>. Every step writes a completion marker last and is skipped when it exists.
/// </remarks>
public sealed class DedupPass
{
    /// <summary>The stage name of dedup in <c>stats.json</c>.</summary>
    public const string StageName = PassRegistry.Dedup;

    /// <summary>The completion marker's name of the cluster step.</summary>
    internal const string ClusterMarker = PassRegistry.Dedup + "-" + PassRegistry.Cluster;

    private readonly IStorage _storage;
    private readonly DedupOptions _options;
    private readonly ILogger _logger;
    private readonly TextTokenizer? _tokenizer;

    /// <summary>Creates the pass.</summary>
    /// <param name="storage">Where the run's files are.</param>
    /// <param name="options">The dedup settings.</param>
    /// <param name="logger">Receives the pass's summary.</param>
    /// <param name="tokenizer">The tag pass's tokenizer, which re-tokenizes the documents paragraph dedup rewrites; required when <see cref="DedupOptions.Paragraphs"/> is enabled.</param>
    /// <exception cref="ArgumentException">Paragraph dedup is enabled without a tokenizer.</exception>
    public DedupPass(IStorage storage, DedupOptions options, ILogger logger, TextTokenizer? tokenizer = null)
    {
        if (options.Paragraphs.Enabled && tokenizer is null)
        {
            throw new ArgumentException("Paragraph dedup re-tokenizes the documents it rewrites: pass the tag pass's tokenizer.", nameof(tokenizer));
        }

        _storage = storage;
        _options = options;
        _logger = logger;
        _tokenizer = tokenizer;
        Record = PassConfigRecord.ForDedup(options);
    }

    /// <summary>Runs both steps in this process and folds the result into <c>stats.json</c>; the caller holds the output directory (<see cref="OutputLock.AcquireAsync"/>).</summary>
    /// <returns>The dedup statistics, or <c>null</c> when the pass was already complete.</returns>
    /// <exception cref="InvalidDataException">A signature file is damaged.</exception>
    internal async Task<DedupStats?> RunLocalAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        await CheckRecordAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        if (_storage.Exists(Marker(outputDirectory, ClusterMarker)))
        {
            return null;
        }

        IReadOnlyList<string> signatures = SignatureFiles(outputDirectory);
        string work = _storage.ScratchDirectory(outputDirectory, OutputLayout.Dedup, OutputLayout.DedupWork);
        DedupStats stats = await GlobalDedup.RunLocalAsync(_storage, signatures, work, DropListPath(outputDirectory), _options.Cluster, cancellationToken).ConfigureAwait(false);
        _storage.DeleteEmptyDirectory(work);
        return await FinishAsync(outputDirectory, stats, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finds the candidate pairs of the bands owned by <paramref name="rank"/> (bands <c>rank</c>, <c>rank + worldSize</c>, …).</summary>
    /// <returns>The number of candidate pairs written.</returns>
    /// <exception cref="PrerequisiteIncompleteException">A tag task is not complete (the tag pass may be split into another number of tasks); nothing was written.</exception>
    /// <exception cref="OutputLockedException">A whole-directory run holds the output directory, or this task runs elsewhere.</exception>
    public async Task<long> RunCandidatesAsync(string outputDirectory, int rank, int worldSize, CancellationToken cancellationToken)
    {
        var task = new PipelineTask(StageName, rank, worldSize);
        task.Validate();
        await using OutputLock held = await OutputLock.AcquireTaskAsync(_storage, outputDirectory, task, cancellationToken).ConfigureAwait(false);
        await CheckRecordAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        string marker = Marker(outputDirectory, task.Stem);
        if (_storage.Exists(marker))
        {
            Log.TaskSkipped(_logger, task.ToString(), marker);
            return 0;
        }

        CompletionMarker.RequireComplete(_storage, outputDirectory, task.ToString(), PassRegistry.Tag, CompletionMarker.WorldSizeOf(_storage, outputDirectory, PassRegistry.Tag, worldSize));

        long pairs = await GlobalDedup.FindCandidatesAsync(_storage, SignatureFiles(outputDirectory), rank, worldSize,
            PairsPath(outputDirectory, rank), _storage.ScratchDirectory(outputDirectory, OutputLayout.Dedup, OutputLayout.DedupWork), _options.Cluster, cancellationToken).ConfigureAwait(false);
        await CompletionMarker.WriteAsync(_storage, marker, task + "\n", cancellationToken).ConfigureAwait(false);
        return pairs;
    }

    /// <summary>Clusters the candidate pairs of all <paramref name="worldSize"/> ranks and writes the drop list.</summary>
    /// <remarks>Holds the output directory exclusively, and first removes what killed tasks left (<see cref="OutputScratch"/>).</remarks>
    /// <exception cref="PrerequisiteIncompleteException">A tag task or a rank's candidate step is not complete; nothing was written.</exception>
    /// <exception cref="WorldSizeMismatchException">The candidate tasks were split into another number of tasks, or the tag markers disagree.</exception>
    /// <exception cref="OutputLockedException">Another run or a task is writing the output directory.</exception>
    public async Task<DedupStats> RunClusterAsync(string outputDirectory, int worldSize, CancellationToken cancellationToken)
    {
        await using OutputLock held = await OutputLock.AcquireAsync(_storage, outputDirectory, "dedup cluster step", cancellationToken).ConfigureAwait(false);
        await CheckRecordAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        OutputScratch.RemoveFromRun(_storage, outputDirectory);
        CompletionMarker.RequireComplete(_storage, outputDirectory, PassRegistry.Cluster, PassRegistry.Tag, CompletionMarker.WorldSizeOf(_storage, outputDirectory, PassRegistry.Tag, worldSize));
        CompletionMarker.RequireComplete(_storage, outputDirectory, PassRegistry.Cluster, StageName, worldSize);
        string[] pairFiles = [.. Enumerable.Range(0, worldSize).Select(rank => PairsPath(outputDirectory, rank))];
        DedupStats stats = await GlobalDedup.ClusterAsync(_storage, SignatureFiles(outputDirectory), pairFiles, DropListPath(outputDirectory), _options.Cluster, cancellationToken).ConfigureAwait(false);
        stats = await FinishAsync(outputDirectory, stats, cancellationToken).ConfigureAwait(false);
        foreach (string pairs in pairFiles)
        {
            _storage.Delete(pairs);
        }

        return stats;
    }

    /// <summary>The drop list of a run.</summary>
    public string DropListPath(string outputDirectory) => _storage.Combine(outputDirectory, OutputLayout.Dedup, OutputLayout.DropList);

    /// <summary>The pass's own stats file, which every rewrite of <c>stats.json</c> merges in.</summary>
    internal string StatsPath(string outputDirectory) => _storage.Combine(outputDirectory, OutputLayout.Stats, StageName + ".json");

    /// <summary>Paragraph dedup when configured, then the stats files and the completion marker; returns the stats with paragraph dedup's.</summary>
    private async Task<DedupStats> FinishAsync(string outputDirectory, DedupStats stats, CancellationToken cancellationToken)
    {
        string removalsPath = _storage.Combine(outputDirectory, OutputLayout.Dedup, OutputLayout.ParagraphRemovals);
        if (_options.Paragraphs.Enabled)
        {
            stats = stats with { Paragraphs = await RunParagraphsAsync(outputDirectory, removalsPath, cancellationToken).ConfigureAwait(false) };
        }
        else
        {
            _storage.Delete(removalsPath); // decisions of an earlier configuration must not reach the mix
        }

        // Own stats file first: stats.json is rewritten by every rerun from the task files and this one.
        await new StatsReport([StageName], 0, 0, 0, 0, []).WithDedup(stats).WriteAsync(_storage, StatsPath(outputDirectory), cancellationToken).ConfigureAwait(false);
        string statsPath = _storage.Combine(outputDirectory, OutputLayout.MergedStats);
        if (_storage.Exists(statsPath))
        {
            StatsReport report = await StatsReport.ReadAsync(_storage, statsPath, cancellationToken).ConfigureAwait(false);
            await report.WithDedup(stats).WriteAsync(_storage, statsPath, cancellationToken).ConfigureAwait(false);
        }

        await CompletionMarker.WriteAsync(_storage, Marker(outputDirectory, ClusterMarker), ClusterMarker + "\n", cancellationToken).ConfigureAwait(false);
        Log.DedupDone(_logger, stats.Documents, stats.Clusters, stats.DroppedUrl, stats.DroppedExact, stats.DroppedNear);
        if (stats.DuplicateIds > 0)
        {
            Log.DuplicateIds(_logger, stats.DuplicateIds);
        }

        return stats;
    }

    /// <summary>Paragraph dedup after the drop list: decisions over the paragraph hashes in identity order, then the rewrite of the modified documents.</summary>
    private async Task<ParagraphDedupStats> RunParagraphsAsync(string outputDirectory, string removalsPath, CancellationToken cancellationToken)
    {
        HashSet<UInt128> dropped = [.. DropListFile.Read(_storage, DropListPath(outputDirectory)).Select(r => r.Key)];
        IReadOnlyList<string> hashFiles = _storage.List(_storage.Combine(outputDirectory, OutputLayout.Signatures, "*" + ParagraphDedup.HashFileExtension));
        ParagraphDedupStats stats = await ParagraphDedup.RunAsync(_storage, hashFiles, dropped, removalsPath, _options.Paragraphs,
            _options.Cluster.ReadBufferBytes, cancellationToken).ConfigureAwait(false);
        await new ParagraphRewriter(_storage, _tokenizer!, _options.Cluster.MaxDegreeOfParallelism)
            .RunAsync(outputDirectory, ParagraphRemovalFile.Read(_storage, removalsPath), cancellationToken).ConfigureAwait(false);
        Log.ParagraphsDone(_logger, stats.ParagraphsRemoved, stats.Paragraphs, stats.DocumentsModified, stats.DocumentsEmptied);
        return stats;
    }

    private IReadOnlyList<string> SignatureFiles(string outputDirectory) =>
        _storage.List(_storage.Combine(outputDirectory, OutputLayout.Signatures, "*" + SignatureFileWriter.FileExtension));

    private string PairsPath(string outputDirectory, int rank) =>
        _storage.Combine(outputDirectory, OutputLayout.Dedup, $"pairs-{rank:D5}.bin");

    /// <summary>The configuration this pass records in the output directory and a resume must match.</summary>
    internal PassConfigRecord Record { get; }

    private Task CheckRecordAsync(string outputDirectory, CancellationToken cancellationToken) =>
        Record.CheckOrWriteAsync(_storage, outputDirectory, inputs: null, cancellationToken);

    private string Marker(string outputDirectory, string name) => _storage.Combine(outputDirectory, OutputLayout.Completions, name);
}
