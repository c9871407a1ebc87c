using CurationPipeline.Dedup;
using CurationPipeline.Documents;
using CurationPipeline.Mixing;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Reporting;

/// <summary>Reads a run's output directory (stats, annotated and rejects shards, the drop list, the mix report) into a <see cref="RunReport"/>.</summary>
/// <remarks>
/// One pass over the annotated and rejects shards. Memory is bounded whatever the run's size: examples are the smallest
/// identities seen (a fixed number per reason), histograms keep a seeded reservoir of values per column, and the drop list is
/// grouped by cluster (about 40 bytes per drop).
/// </remarks>
public sealed class RunReportBuilder
{
    /// <summary>Examples kept per reason (and kept documents shown beside them).</summary>
    public const int ExamplesPerReason = 3;

    /// <summary>Clusters listed under "largest clusters".</summary>
    public const int LargestClusterCount = 5;

    private const int ExcerptChars = 280;
    private const string LanguageSignal = "language.language";

    private readonly IStorage _storage;

    /// <summary>Creates a builder.</summary>
    /// <param name="storage">Where the output directory is.</param>
    public RunReportBuilder(IStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
    }

    /// <summary>Builds the report of <paramref name="outputDirectory"/>.</summary>
    /// <param name="outputDirectory">The output directory of a complete <c>curate run</c> (with <c>stats.json</c>).</param>
    /// <param name="options">Training curves and filter thresholds to add; <c>null</c> for none beyond <c>OUT/training</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The report.</returns>
    /// <exception cref="FileNotFoundException">The directory has no <c>stats.json</c>: the run is not complete.</exception>
    /// <exception cref="DirectoryNotFoundException">The training directory given does not exist.</exception>
    /// <exception cref="InvalidDataException">A shard, the drop list, a metrics file or a report file is damaged.</exception>
    public async Task<RunReport> BuildAsync(string outputDirectory, RunReportOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        options ??= new RunReportOptions();
        string defaultTraining = Path.Combine(outputDirectory, "training");
        string? trainingDirectory = options.TrainingDirectory ?? (Directory.Exists(defaultTraining) ? defaultTraining : null);
        string statsPath = _storage.Combine(outputDirectory, OutputLayout.MergedStats);
        if (!_storage.Exists(statsPath))
        {
            throw new FileNotFoundException($"'{outputDirectory}' has no {OutputLayout.MergedStats}: report on a complete run.", statsPath);
        }

        StatsReport stats = await StatsReport.ReadAsync(_storage, statsPath, cancellationToken).ConfigureAwait(false);
        string mixPath = _storage.Combine(outputDirectory, OutputLayout.Mix, MixReport.FileName);
        MixReport? mix = _storage.Exists(mixPath) ? await MixReport.ReadAsync(_storage, mixPath, cancellationToken).ConfigureAwait(false) : null;

        var examples = new ExampleCollector(ExamplesPerReason);
        var histograms = new HistogramCollector(mix?.Rules ?? [], options.FilterThresholds);
        var languages = new SortedDictionary<string, (long Documents, long Kept, long AfterDedup)>(StringComparer.Ordinal);
        var titles = new Dictionary<string, ExampleDocument>(StringComparer.Ordinal);
        IReadOnlyList<DropListRow> drops = ReadDropList(outputDirectory);
        var wanted = new HashSet<string>(drops.Select(d => d.KeptId).Concat(drops.Select(d => d.DocumentId)), StringComparer.Ordinal);
        var dropped = drops.Select(d => d.Key).ToHashSet();

        foreach (string shard in Shards(outputDirectory, OutputLayout.Annotated))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(_storage, shard, cancellationToken).ConfigureAwait(false))
            {
                ExampleDocument example = Example(document);
                examples.Add(document.FilterReason is null ? null : (FilterStage(stats, document.FilterReason), document.FilterReason), Key(document), example);
                histograms.Add(document.Signals);
                string language = LanguageOf(document.Signals);
                (long total, long kept, long afterDedup) = languages.GetValueOrDefault(language);
                bool passed = document.FilterReason is null;
                bool deduped = passed && !dropped.Contains(DocumentIdentity.KeyOf(document.Id, document.SourcePath, document.SourceOffset));
                languages[language] = (total + 1, kept + (passed ? 1 : 0), afterDedup + (deduped ? 1 : 0));
                if (wanted.Contains(document.Id))
                {
                    titles.TryAdd(document.Id, example);
                }
            }
        }

        foreach (string shard in Shards(outputDirectory, OutputLayout.Rejects))
        {
            await foreach (Rejection rejection in ShardReader.ReadRejectsAsync(_storage, shard, cancellationToken).ConfigureAwait(false))
            {
                if (IsFilterDrop(rejection))
                {
                    continue; // its annotated row, with text, is the better example
                }

                examples.Add((rejection.Stage, rejection.Reason), (rejection.Id ?? "", rejection.Url ?? "", 0),
                    new ExampleDocument(rejection.Id, rejection.Url, null, rejection.Detail ?? ""));
            }
        }

        return new RunReport
        {
            OutputDirectory = outputDirectory,
            Stats = stats,
            Reasons = Reasons(stats, examples),
            KeptExamples = examples.Kept,
            Languages = [.. languages.Select(l => new LanguageFunnel(l.Key, l.Value.Documents, l.Value.Kept, l.Value.AfterDedup)).OrderByDescending(l => l.Documents)],
            Tokens = await TokenSummary.BuildAsync(_storage, outputDirectory, cancellationToken).ConfigureAwait(false),
            Signals = histograms.Build(),
            Dedup = stats.Dedup,
            LargestClusters = LargestClusters(drops, titles),
            SemanticDrops = drops.LongCount(d => d.Reason is not DedupReasons.Exact and not DedupReasons.MinHash and not DedupReasons.Url),
            Mix = mix,
            Training = trainingDirectory is null ? [] : TrainingMetricsReader.ReadAll(trainingDirectory),
            AblationTable = trainingDirectory is not null && File.Exists(Path.Combine(trainingDirectory, AblationTableFileName))
                ? await File.ReadAllTextAsync(Path.Combine(trainingDirectory, AblationTableFileName), cancellationToken).ConfigureAwait(false)
                : null,
        };
    }

    /// <summary>The ablation table <c>curate ablate</c> writes (Markdown).</summary>
    private const string AblationTableFileName = "results.md";

    private IReadOnlyList<string> Shards(string outputDirectory, string folder)
    {
        string directory = _storage.Combine(outputDirectory, folder);
        return [.. _storage.List(directory).Where(p => p.EndsWith(".parquet", StringComparison.Ordinal))]; // none when it is absent
    }

    private IReadOnlyList<DropListRow> ReadDropList(string outputDirectory)
    {
        string path = _storage.Combine(outputDirectory, OutputLayout.Dedup, OutputLayout.DropList);
        return _storage.Exists(path) ? DropListFile.Read(_storage, path) : [];
    }

    private static IReadOnlyList<ReasonExamples> Reasons(StatsReport stats, ExampleCollector examples)
    {
        var reasons = new List<ReasonExamples>();
        foreach (StageStatsSnapshot stage in stats.Stages)
        {
            foreach ((string reason, long count) in stage.Dropped.OrderByDescending(r => r.Value))
            {
                reasons.Add(new ReasonExamples(stage.Name, reason, false, count, examples.For(stage.Name, reason)));
            }

            foreach ((string reason, long count) in stage.Errors.OrderByDescending(r => r.Value))
            {
                reasons.Add(new ReasonExamples(stage.Name, reason, true, count, examples.For(stage.Name, reason)));
            }
        }

        return reasons;
    }

    private static IReadOnlyList<DuplicateCluster> LargestClusters(IReadOnlyList<DropListRow> drops, Dictionary<string, ExampleDocument> titles)
    {
        ExampleDocument Known(string id) => titles.GetValueOrDefault(id) ?? new ExampleDocument(id, null, null, "");
        return [.. drops
            .GroupBy(d => d.ClusterId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Take(LargestClusterCount)
            .Select(g => new DuplicateCluster(
                g.Key,
                g.Count() + 1,
                g.GroupBy(d => d.Reason).OrderByDescending(r => r.Count()).ThenBy(r => r.Key, StringComparer.Ordinal).First().Key,
                Known(g.First().KeptId),
                [.. g.Take(3).Select(d => Known(d.DocumentId))]))];
    }

    /// <summary>The stage whose counters hold a filter reason (the filter stage).</summary>
    private static string FilterStage(StatsReport stats, string reason) =>
        stats.Stages.FirstOrDefault(s => s.Dropped.ContainsKey(reason))?.Name ?? Pipelines.Stages.FilterStage.StageName;

    /// <summary>A filter's drop: its annotated row (with text) is the example instead.</summary>
    private static bool IsFilterDrop(Rejection rejection) => !rejection.IsError && rejection.Stage == Pipelines.Stages.FilterStage.StageName;

    private static string LanguageOf(SignalSet signals) =>
        signals.Schema.IndexOf(LanguageSignal) >= 0 && signals.Text(LanguageSignal) is { Length: > 0 } language ? language : "?";

    private static (string, string, long) Key(AnnotatedDocument document) => (document.Id, document.SourcePath, document.SourceOffset);

    private static ExampleDocument Example(AnnotatedDocument document)
    {
        string text = document.Text.ReplaceLineEndings(" ");
        return new ExampleDocument(document.Id, document.Url, document.Title, text.Length <= ExcerptChars ? text : text[..ExcerptChars] + "…");
    }
}
