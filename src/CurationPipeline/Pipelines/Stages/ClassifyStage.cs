using CurationPipeline.Classifiers;
using CurationPipeline.Documents;
using CurationPipeline.Pipelines.Graph;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>
/// Scores every document with the configured text classifiers (quality, code, math, safety, …); each score becomes an
/// annotated column named after its classifier, for the filters and the mix to use. It never drops a document.
/// </summary>
/// <remarks>
/// The n-gram models that share a hashing (bits, max chars, char n-grams) are scored together, hashing the text once; the others (ONNX models) score the
/// stage's batches in one call each (<see cref="IDocumentClassifier.ScoreBatch"/>): the stage asks the graph for batches of the
/// largest <see cref="IDocumentClassifier.PreferredBatchSize"/> among its classifiers.
/// </remarks>
public sealed class ClassifyStage : IBatchPipelineStage
{
    /// <summary>The stage name in stats.</summary>
    public const string StageName = "classify";

    private readonly IDocumentClassifier[] _classifiers;
    private readonly NgramClassifierSet? _set;
    private readonly int[] _setColumns; // the column of each model of _set
    private readonly int[] _singleColumns; // the columns scored one by one
    private readonly QualityBuckets? _buckets;

    /// <summary>Creates the stage.</summary>
    /// <param name="classifiers">The classifiers; their names must be unique.</param>
    /// <param name="prior">The signals earlier stages set (extraction's), kept ahead of the scores; <c>null</c> for none.</param>
    /// <param name="buckets">Combines the scores into a quality bucket column after them; <c>null</c> for none.</param>
    /// <exception cref="ArgumentException">Two classifiers share a name, or <paramref name="buckets"/> names a classifier not given.</exception>
    public ClassifyStage(IReadOnlyList<IDocumentClassifier> classifiers, SignalSchema? prior = null, QualityBucketOptions? buckets = null)
    {
        _classifiers = [.. classifiers];
        prior ??= SignalSchema.Empty;
        _buckets = buckets is null ? null : new QualityBuckets(buckets, [.. _classifiers.Select(c => c.Name)]);
        // Earlier stages' numbers first, then one score per classifier (and the bucket), then earlier text signals (the order FilterStage extends).
        Schema = new SignalSchema([
            .. prior.Columns.Where(c => c.Kind == SignalKind.Number),
            .. _classifiers.Select(c => (c.Name, SignalKind.Number)),
            .. _buckets is null ? [] : new[] { (_buckets.Column, SignalKind.Number) },
            .. prior.Columns.Where(c => c.Kind == SignalKind.Text)]);
        // The n-gram models one pass can hash for are scored together (word-only and char n-gram models alike); any other alone.
        int[] sharing = NgramClassifierSet.Members(_classifiers);
        _setColumns = sharing.Length > 1 ? sharing : [];
        _set = _setColumns.Length > 0 ? new NgramClassifierSet([.. _setColumns.Select(i => (NgramClassifier)_classifiers[i])]) : null;
        _singleColumns = [.. Enumerable.Range(0, _classifiers.Length).Except(_setColumns)];
        Resources = new StageResources(BatchSize: _classifiers.Select(c => c.PreferredBatchSize).DefaultIfEmpty(1).Max());
    }

    /// <inheritdoc/>
    public StageResources Resources { get; }

    /// <summary>The columns after this stage: earlier stages', one number per classifier, and the quality bucket when configured.</summary>
    public SignalSchema Schema { get; }

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    public PipelineItem Process(PipelineItem item)
    {
        Span<PipelineItem> result = [item];
        ProcessBatch([item], result);
        return result[0];
    }

    /// <inheritdoc/>
    public void ProcessBatch(ReadOnlySpan<PipelineItem> items, Span<PipelineItem> results)
    {
        var texts = new string[items.Length];
        var numbers = new double[items.Length][];
        Span<double> together = stackalloc double[_setColumns.Length];
        for (int d = 0; d < items.Length; d++)
        {
            AnnotatedDocument document = items[d].Annotated!;
            texts[d] = document.Text;
            numbers[d] = new double[Schema.NumberCount];
            document.Signals.Numbers.CopyTo(numbers[d], 0);
            if (_set is not null)
            {
                _set.ScoreAll(document.Text, together);
                for (int j = 0; j < _setColumns.Length; j++)
                {
                    numbers[d][document.Signals.Numbers.Length + _setColumns[j]] = together[j];
                }
            }
        }

        var scores = new double[items.Length];
        foreach (int i in _singleColumns)
        {
            _classifiers[i].ScoreBatch(texts, scores);
            for (int d = 0; d < items.Length; d++)
            {
                numbers[d][items[d].Annotated!.Signals.Numbers.Length + i] = scores[d];
            }
        }

        for (int d = 0; d < items.Length; d++)
        {
            AnnotatedDocument document = items[d].Annotated!;
            if (_buckets is not null)
            {
                int first = document.Signals.Numbers.Length;
                numbers[d][first + _classifiers.Length] = _buckets.Bucket(numbers[d].AsSpan(first, _classifiers.Length));
            }

            results[d] = items[d] with { Annotated = document with { Signals = new SignalSet(Schema, numbers[d], document.Signals.Texts) } };
        }
    }
}
