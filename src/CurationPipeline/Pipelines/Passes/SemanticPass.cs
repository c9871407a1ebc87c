using System.Diagnostics;
using CurationPipeline.Classifiers;
using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Documents;
using CurationPipeline.Embeddings;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Layout.Internal;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Pipelines.Passes;

/// <summary>
/// Semantic dedup after MinHash: one embed task per tag task (the documents its annotated shards hold that no filter and no
/// MinHash cluster dropped) writes <c>embeddings/{stem}.emb</c>; one global step runs SemDeDup over all of them and adds its
/// drops to <c>dedup/drop-list.bin</c>, so the mix applies both.
/// </summary>
/// <remarks>
/// Embeddings are kept (float16). With <see cref="SemanticOptions.Heads"/>, each embed task also scores every head on the stored
/// embeddings and adds one column per head to its annotated shards, so four classifiers cost four small products of the
/// embedding the pass already has. Every step writes a marker last and is skipped when it exists.
/// </remarks>
public sealed class SemanticPass
{
    /// <summary>The stage name of embedding in <c>stats.json</c>.</summary>
    public const string EmbedStage = PassRegistry.Embed;

    /// <summary>The stage name of semantic dedup in <c>stats.json</c>.</summary>
    public const string DedupStage = PassRegistry.SemDedup;

    /// <summary>The folder of the embed tasks' outputs (<c>{stem}.emb</c>).</summary>
    internal const string EmbeddingsFolder = OutputLayout.Embeddings;
    private const string EmbeddingExtension = ".emb";

    private readonly IStorage _storage;
    private readonly SemanticOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly HeadColumn[] _heads;
    private readonly bool _afterMinHash;

    /// <summary>Creates the pass, loading the heads it scores.</summary>
    /// <param name="storage">Where the run's files are.</param>
    /// <param name="options">The <c>semantic:</c> section.</param>
    /// <param name="loggers">Creates the pass's and the embedder's loggers.</param>
    /// <param name="afterMinHash">Whether MinHash dedup runs first (<c>dedup.enabled</c>): an embed task then needs its drop list.</param>
    /// <exception cref="InvalidDataException">A head file is not a valid embedding head, or two heads share a name.</exception>
    /// <exception cref="FileNotFoundException">A head file does not exist.</exception>
    public SemanticPass(IStorage storage, SemanticOptions options, ILoggerFactory loggers, bool afterMinHash = false)
    {
        _afterMinHash = afterMinHash;
        _storage = storage;
        _options = options;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SemanticPass>();
        _heads = [.. options.Heads.Select(HeadColumn.Load)];
        Record = PassConfigRecord.ForSemantic(options);
        if (_heads.Select(h => h.Name).Distinct(StringComparer.Ordinal).Count() != _heads.Length
            || _heads.FirstOrDefault(h => Outputs.Internal.AnnotatedLayout.FixedColumns.Contains(h.Name)) is not null)
        {
            throw new InvalidDataException($"Embedding heads need distinct names that are not fixed annotated columns (they become columns): {string.Join(", ", _heads.Select(h => h.Name))}.");
        }
    }

    /// <summary>The annotated columns the heads add (one per head, named after it).</summary>
    public IReadOnlyList<string> HeadNames => [.. _heads.Select(h => h.Name)];

    /// <summary>
    /// Fails before any work when a head would replace the column of a classifier whose score means something else: a regression
    /// head's predicted value (<c>quality.head</c>: a 0–5 score) over a binary model's probability, or the reverse, would move every
    /// threshold the mix, the filters and the quality buckets put on that column.
    /// </summary>
    /// <param name="classifiers">The tag pass's classifiers.</param>
    /// <exception cref="ArgumentException">A head and a trained classifier of the same name differ in kind.</exception>
    internal void CheckReplacedColumns(IReadOnlyList<IDocumentClassifier> classifiers)
    {
        foreach (HeadColumn column in _heads)
        {
            if (classifiers.OfType<ITrainedClassifier>().FirstOrDefault(c => c.Name == column.Name) is { } replaced && replaced.Kind != column.Head.Kind)
            {
                throw new ArgumentException($"invalid value for 'semantic.heads': head '{column.Name}' is a {column.Head.Kind.ToString().ToLowerInvariant()} model "
                    + $"and would replace the column of the {replaced.Kind.ToString().ToLowerInvariant()} classifier '{replaced.Name}', whose scores mean "
                    + "something else (thresholds on that column would move); list only one of them.");
            }
        }
    }

    /// <summary>Fails before any work when the quality keep rule ranks by a column the run does not write.</summary>
    /// <param name="tagSignals">The signal columns the tag pass writes.</param>
    /// <exception cref="ArgumentException"><see cref="SemanticOptions.QualityColumn"/> is neither a number column of <paramref name="tagSignals"/> nor a head.</exception>
    internal void CheckQualityColumn(SignalSchema tagSignals)
    {
        if (_options.Dedup.KeepRule != SemanticKeepRule.Quality)
        {
            return;
        }

        string[] numbers = [.. tagSignals.Columns.Where(c => c.Kind == SignalKind.Number).Select(c => c.Name), .. HeadNames];
        if (!numbers.Contains(_options.QualityColumn, StringComparer.Ordinal))
        {
            throw new ArgumentException($"invalid value for 'semantic.quality_column': keep_rule: Quality ranks by '{_options.QualityColumn}', "
                + "which no classifier, ONNX classifier or head of this pipeline writes (add the model, or name one of its number columns).");
        }
    }

    /// <summary>Runs every embed task of a <paramref name="worldSize"/>-task tag pass, then the global step, in this process; the caller holds the output directory.</summary>
    /// <returns>The semantic dedup statistics, or <c>null</c> when the pass was already complete.</returns>
    internal async Task<SemanticDedupStats?> RunLocalAsync(string outputDirectory, int worldSize, CancellationToken cancellationToken)
    {
        await CheckRecordAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        if (_storage.Exists(Marker(outputDirectory, DedupStage)))
        {
            for (int rank = 0; rank < worldSize; rank++)
            {
                // Heads named after the run finished are scored on the stored embeddings; otherwise a no-op.
                await ScoreHeadsAsync(outputDirectory, new PipelineTask(PassRegistry.Tag, rank, worldSize), matrix: null, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        using TextEmbedder embedder = TextEmbedder.Create(_options.Embedding, _loggers.CreateLogger<TextEmbedder>());
        HashSet<UInt128> minhashDropped = MinHashDropped(outputDirectory);
        for (int rank = 0; rank < worldSize; rank++)
        {
            await EmbedAsync(embedder, outputDirectory, new PipelineTask(PassRegistry.Tag, rank, worldSize), minhashDropped, cancellationToken).ConfigureAwait(false);
        }

        return await DeduplicateCoreAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Embeds the surviving documents of one tag task (a cluster runs one of these per rank).</summary>
    /// <returns>The embed stage's counters for the task.</returns>
    /// <exception cref="OutputLockedException">A whole-directory run holds the output directory, or this task runs elsewhere.</exception>
    /// <exception cref="PrerequisiteIncompleteException">A tag task, or MinHash dedup's cluster step when it runs first, is not complete; nothing was written.</exception>
    /// <exception cref="WorldSizeMismatchException">The tag pass was split into another number of tasks.</exception>
    public async Task<StageStatsSnapshot?> EmbedTaskAsync(string outputDirectory, int rank, int worldSize, CancellationToken cancellationToken)
    {
        var task = new PipelineTask(EmbedStage, rank, worldSize);
        task.Validate();
        await using OutputLock held = await OutputLock.AcquireTaskAsync(_storage, outputDirectory, task, cancellationToken).ConfigureAwait(false);
        CompletionMarker.RequireComplete(_storage, outputDirectory, task.ToString(), PassRegistry.Tag, worldSize, _afterMinHash ? [PassRegistry.Cluster] : []);
        await CheckRecordAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        using TextEmbedder embedder = TextEmbedder.Create(_options.Embedding, _loggers.CreateLogger<TextEmbedder>());
        return await EmbedAsync(embedder, outputDirectory, new PipelineTask(PassRegistry.Tag, rank, worldSize), MinHashDropped(outputDirectory), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The global step: SemDeDup over every task's embeddings; its drops join the drop list.</summary>
    /// <remarks>Holds the output directory exclusively, and first removes what killed tasks left (<see cref="OutputScratch"/>).</remarks>
    /// <exception cref="InvalidDataException">An embeddings file is damaged.</exception>
    /// <param name="outputDirectory">The run's output directory.</param>
    /// <param name="worldSize">The number of embed tasks (the tag pass's world size); each must be complete.</param>
    /// <param name="cancellationToken">Stops the step; it then leaves no marker.</param>
    /// <exception cref="OutputLockedException">Another run or a task is writing the output directory.</exception>
    /// <exception cref="PrerequisiteIncompleteException">An embed task is not complete; nothing was written.</exception>
    /// <exception cref="WorldSizeMismatchException">The embed tasks were split into another number of tasks.</exception>
    public async Task<SemanticDedupStats> DeduplicateAsync(string outputDirectory, int worldSize, CancellationToken cancellationToken)
    {
        await using OutputLock held = await OutputLock.AcquireAsync(_storage, outputDirectory, "semantic dedup step", cancellationToken).ConfigureAwait(false);
        CompletionMarker.RequireComplete(_storage, outputDirectory, DedupStage, EmbedStage, worldSize);
        await CheckRecordAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        OutputScratch.RemoveFromRun(_storage, outputDirectory);
        return await DeduplicateCoreAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pass's own stats file (embed and semdedup stages), which every rewrite of <c>stats.json</c> merges in.</summary>
    internal string StatsPath(string outputDirectory) => _storage.Combine(outputDirectory, OutputLayout.Stats, DedupStage + ".json");

    private async Task<SemanticDedupStats> DeduplicateCoreAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files = _storage.List(_storage.Combine(outputDirectory, EmbeddingsFolder, "*" + EmbeddingExtension));
        EmbeddingMatrix all = await MergeAsync(files, cancellationToken).ConfigureAwait(false);
        all.SortByIdentity(); // rows in task files follow thread timing; k-means and tie-breaks must not
        float[]? quality = _options.Dedup.KeepRule == SemanticKeepRule.Quality ? await QualityScoresAsync(outputDirectory, all, cancellationToken).ConfigureAwait(false) : null;
        SemanticDedupResult result = new SemanticDeduplicator(_options.Dedup).Run(all, quality, cancellationToken);

        // One drop list for the mix: MinHash's rows, then semantic drops of documents MinHash kept.
        string dropList = _storage.Combine(outputDirectory, OutputLayout.Dedup, OutputLayout.DropList);
        var rows = _storage.Exists(dropList) ? DropListFile.Read(_storage, dropList).ToList() : [];
        var dropped = rows.Select(r => r.Key).ToHashSet();
        rows.AddRange(result.Dropped
            .Select(d => new DropListRow(d.DocumentId, d.SourcePath, d.SourceOffset, (ulong)d.ClusterId, d.KeptId, d.Reason))
            .Where(d => !dropped.Contains(d.Key)));
        rows.Sort(DropListRow.CompareByIdentity);
        await DropListFile.WriteAsync(_storage, dropList, rows, cancellationToken).ConfigureAwait(false);

        // Own stats file first: stats.json is rewritten by every rerun from the task files and this one.
        StageStatsSnapshot embed = await MergeEmbedStatsAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        await new StatsReport([DedupStage], 0, 0, 0, 0, []).WithSemantic(embed, result.Stats).WriteAsync(_storage, StatsPath(outputDirectory), cancellationToken).ConfigureAwait(false);
        string statsPath = _storage.Combine(outputDirectory, OutputLayout.MergedStats);
        if (_storage.Exists(statsPath))
        {
            StatsReport report = await StatsReport.ReadAsync(_storage, statsPath, cancellationToken).ConfigureAwait(false);
            await report.WithSemantic(embed, result.Stats).WriteAsync(_storage, statsPath, cancellationToken).ConfigureAwait(false);
        }

        await CompletionMarker.WriteAsync(_storage, Marker(outputDirectory, DedupStage), DedupStage + "\n", cancellationToken).ConfigureAwait(false);
        return result.Stats;
    }

    private async Task<StageStatsSnapshot?> EmbedAsync(TextEmbedder embedder, string outputDirectory, PipelineTask tagTask, HashSet<UInt128> minhashDropped, CancellationToken cancellationToken)
    {
        CheckHeads(embedder);
        string marker = Marker(outputDirectory, $"{EmbedStage}-{tagTask.Rank:D5}");
        if (_storage.Exists(marker))
        {
            await ScoreHeadsAsync(outputDirectory, tagTask, matrix: null, cancellationToken).ConfigureAwait(false); // heads added to a finished run
            return null;
        }

        var stats = new StageStats(EmbedStage);
        long start = Stopwatch.GetTimestamp();
        var matrix = new EmbeddingMatrix(embedder.Dimension);
        IAsyncEnumerable<AnnotatedDocument> survivors = SurvivorsAsync(outputDirectory, tagTask, minhashDropped, cancellationToken);
        await foreach (EmbeddedItem<AnnotatedDocument> item in embedder.EmbedAsync(survivors, d => d.Text, cancellationToken).ConfigureAwait(false))
        {
            stats.CountIn();
            if (item.Vector is { } vector)
            {
                matrix.Add(item.Item.Id, item.Item.SourcePath, item.Item.SourceOffset, vector);
                stats.CountOut();
            }
            else
            {
                stats.CountRejected(item.Reason ?? EmbeddingReasons.EmptyText, isError: false);
            }
        }

        stats.AddBusy(Stopwatch.GetTimestamp() - start);
        await using (AtomicWrite write = _storage.CreateAtomic(EmbeddingsPath(outputDirectory, tagTask)))
        {
            matrix.WriteTo(write.Stream);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await ScoreHeadsAsync(outputDirectory, tagTask, matrix, cancellationToken).ConfigureAwait(false);
        StageStatsSnapshot snapshot = stats.Snapshot();
        await new StatsReport([$"{EmbedStage}/{tagTask.Rank}/{tagTask.WorldSize}"], 0, 0, 0, snapshot.Seconds, [snapshot])
            .WriteAsync(_storage, _storage.Combine(outputDirectory, OutputLayout.Stats, $"{EmbedStage}-{tagTask.Rank:D5}.json"), cancellationToken).ConfigureAwait(false);
        await CompletionMarker.WriteAsync(_storage, marker, tagTask + "\n", cancellationToken).ConfigureAwait(false);
        Log.EmbedDone(_logger, tagTask.ToString(), stats.Out, embedder.ExecutionProvider);
        return snapshot;
    }

    private string EmbeddingsPath(string outputDirectory, PipelineTask tagTask) => _storage.Combine(outputDirectory, EmbeddingsFolder, tagTask.Stem + EmbeddingExtension);

    /// <summary>
    /// Fails before any work when a head was trained on another embedding than the one this pass computes: the dimension and the
    /// model name (the default model's, or the model folder's name) must match.
    /// </summary>
    private void CheckHeads(TextEmbedder embedder)
    {
        string model = _options.Embedding.ModelDirectory is null ? DefaultEmbeddingModel.Name : Path.GetFileName(Path.TrimEndingDirectorySeparator(embedder.ModelDirectory));
        foreach (EmbeddingHead head in _heads.Select(c => c.Head))
        {
            if (head.Dimension != embedder.Dimension || head.EmbeddingModel != model)
            {
                throw new InvalidDataException($"Head '{head.Name}' was trained on {head.Dimension}-d '{head.EmbeddingModel}' embeddings; this pass computes {embedder.Dimension}-d '{model}' ones.");
            }
        }
    }

    /// <summary>
    /// Adds one column per head to the task's annotated shards: the head's score of the stored embedding, NaN for documents not
    /// embedded. Its own marker names the heads and their content hashes, so heads added to a run whose embeddings exist, or
    /// replaced under the same name, are scored on the next run.
    /// </summary>
    private async Task ScoreHeadsAsync(string outputDirectory, PipelineTask tagTask, EmbeddingMatrix? matrix, CancellationToken cancellationToken)
    {
        if (_heads.Length == 0)
        {
            return;
        }

        string marker = Marker(outputDirectory, $"heads-{tagTask.Rank:D5}");
        string done = $"{tagTask} {string.Join(',', _heads.Select(h => $"{h.Name}={h.ContentHash}"))}\n";
        if (_storage.Exists(marker))
        {
            using var reader = new StreamReader(_storage.OpenRead(marker));
            if (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false) == done)
            {
                return;
            }
        }

        // Another set of heads: the old marker goes first (markers are created once), so a kill while rescoring rescores again.
        _storage.Delete(marker);

        if (matrix is null)
        {
            await using Stream stream = _storage.OpenRead(EmbeddingsPath(outputDirectory, tagTask));
            matrix = EmbeddingMatrix.ReadFrom(stream);
        }

        if (_heads.FirstOrDefault(h => h.Head.Dimension != matrix.Dimension) is { } wrong)
        {
            throw new InvalidDataException($"Head '{wrong.Name}' takes {wrong.Head.Dimension}-d embeddings; the stored ones of {tagTask} are {matrix.Dimension}-d.");
        }

        var rowOf = new Dictionary<UInt128, int>(matrix.Count);
        for (int i = 0; i < matrix.Count; i++)
        {
            rowOf[DocumentIdentity.KeyOf(matrix.Id(i), matrix.SourcePath(i), matrix.SourceOffset(i))] = i;
        }

        string[] names = [.. _heads.Select(h => h.Name)];
        var vector = new float[matrix.Dimension];
        double[] Scores(AnnotatedDocument document)
        {
            var scores = new double[_heads.Length];
            if (!rowOf.TryGetValue(DocumentIdentity.KeyOf(document.Id, document.SourcePath, document.SourceOffset), out int row))
            {
                Array.Fill(scores, double.NaN);
                return scores;
            }

            matrix.CopyTo(row, vector);
            for (int h = 0; h < _heads.Length; h++)
            {
                scores[h] = _heads[h].Score(document, vector);
            }

            return scores;
        }

        foreach (string shard in _storage.List(_storage.Combine(outputDirectory, OutputLayout.Annotated, tagTask.Stem + "-*.parquet")))
        {
            await AnnotatedShardSignals.AddNumbersAsync(_storage, shard, names, Scores, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await CompletionMarker.WriteAsync(_storage, marker, done, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<AnnotatedDocument> SurvivorsAsync(string outputDirectory, PipelineTask tagTask, HashSet<UInt128> dropped,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string shard in _storage.List(_storage.Combine(outputDirectory, OutputLayout.Annotated, tagTask.Stem + "-*.parquet")))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(_storage, shard, cancellationToken).ConfigureAwait(false))
            {
                if (document.FilterReason is null && !dropped.Contains(DocumentIdentity.KeyOf(document.Id, document.SourcePath, document.SourceOffset)))
                {
                    yield return document;
                }
            }
        }
    }

    /// <summary>The <see cref="SemanticOptions.QualityColumn"/> score of every row of <paramref name="all"/>, read from the annotated shards (heads are scored by now).</summary>
    /// <exception cref="InvalidDataException">A shard lacks the column, or an embedded document is in no shard.</exception>
    private async Task<float[]> QualityScoresAsync(string outputDirectory, EmbeddingMatrix all, CancellationToken cancellationToken)
    {
        var rowOf = new Dictionary<UInt128, int>(all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            rowOf[DocumentIdentity.KeyOf(all.Id(i), all.SourcePath(i), all.SourceOffset(i))] = i;
        }

        var scores = new float[all.Count];
        int found = 0;
        string column = _options.QualityColumn;
        foreach (string shard in _storage.List(_storage.Combine(outputDirectory, OutputLayout.Annotated, PassRegistry.Tag + "-*.parquet")))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(_storage, shard, cancellationToken).ConfigureAwait(false))
            {
                if (!rowOf.TryGetValue(DocumentIdentity.KeyOf(document.Id, document.SourcePath, document.SourceOffset), out int row))
                {
                    continue;
                }

                int index = document.Signals.Schema.IndexOf(column);
                if (index < 0 || document.Signals.Schema.Columns[index].Kind != SignalKind.Number)
                {
                    throw new InvalidDataException($"Annotated shard '{shard}' has no number column '{column}' (semantic.quality_column); rerun the tag pass with the model that writes it.");
                }

                scores[row] = (float)document.Signals.Number(column);
                found++;
            }
        }

        if (found != all.Count)
        {
            throw new InvalidDataException($"{all.Count - found} embedded documents are in no annotated shard of '{outputDirectory}'; the run's outputs are incomplete.");
        }

        return scores;
    }

    private async Task<EmbeddingMatrix> MergeAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        EmbeddingMatrix? all = null;
        float[] row = [];
        foreach (string file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EmbeddingMatrix part;
            await using (Stream stream = _storage.OpenRead(file))
            {
                part = EmbeddingMatrix.ReadFrom(stream);
            }

            all ??= new EmbeddingMatrix(part.Dimension);
            if (row.Length != part.Dimension)
            {
                row = new float[part.Dimension];
            }

            for (int i = 0; i < part.Count; i++)
            {
                part.CopyTo(i, row);
                all.Add(part.Id(i), part.SourcePath(i), part.SourceOffset(i), row);
            }
        }

        return all ?? new EmbeddingMatrix(1);
    }

    private async Task<StageStatsSnapshot> MergeEmbedStatsAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        var merged = new StageStats(EmbedStage);
        foreach (string path in _storage.List(_storage.Combine(outputDirectory, OutputLayout.Stats, EmbedStage + "-*.json")))
        {
            StatsReport task = await StatsReport.ReadAsync(_storage, path, cancellationToken).ConfigureAwait(false);
            merged.Add(task.Stages[0]);
        }

        return merged.Snapshot();
    }

    /// <summary>The identity keys of the documents MinHash dropped (read once per process): they are not embedded.</summary>
    private HashSet<UInt128> MinHashDropped(string outputDirectory)
    {
        string dropListPath = _storage.Combine(outputDirectory, OutputLayout.Dedup, OutputLayout.DropList);
        return _storage.Exists(dropListPath)
            ? DropListFile.Read(_storage, dropListPath).Select(r => r.Key).ToHashSet()
            : [];
    }

    /// <summary>The configuration this pass records in the output directory and a resume must match.</summary>
    internal PassConfigRecord Record { get; }

    private Task CheckRecordAsync(string outputDirectory, CancellationToken cancellationToken) =>
        Record.CheckOrWriteAsync(_storage, outputDirectory, inputs: null, cancellationToken);

    private string Marker(string outputDirectory, string name) => _storage.Combine(outputDirectory, OutputLayout.Completions, name);

    /// <summary>One head column: an embedding head, or an ensemble of an n-gram model and a head (<c>.ensemble</c> files), which also reads the text.</summary>
    /// <param name="Name">The head's name (its column).</param>
    /// <param name="Head">The head.</param>
    /// <param name="Ensemble">The ensemble it belongs to, or <c>null</c>.</param>
    /// <param name="ContentHash">The hashes of the files it was read from: a head replaced under the same name is scored again.</param>
    private sealed record HeadColumn(string Name, EmbeddingHead Head, ClassifierEnsemble? Ensemble, string ContentHash)
    {
        public static HeadColumn Load(string path)
        {
            if (path.EndsWith(ClassifierEnsemble.Extension, StringComparison.OrdinalIgnoreCase))
            {
                ClassifierEnsemble ensemble = ClassifierLoader.LoadEnsemble(path);
                return new HeadColumn(ensemble.Name, ensemble.Head, ensemble, string.Join('+', ensemble.Files.Select(PassConfigRecord.HashFile)));
            }

            var head = (EmbeddingHead)ClassifierLoader.LoadHead(path);
            return new HeadColumn(head.Name, head, null, PassConfigRecord.HashFile(path));
        }

        public double Score(AnnotatedDocument document, ReadOnlySpan<float> embedding) => Ensemble?.Score(document.Text, embedding) ?? Head.Score(embedding);
    }
}
