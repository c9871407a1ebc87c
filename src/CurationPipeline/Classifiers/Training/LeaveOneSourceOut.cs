namespace CurationPipeline.Classifiers.Training;

/// <summary>
/// Leave-one-source-out validation of the n-gram recipe of <see cref="ClassifierTraining.Run"/>: for each training source, a model is
/// trained on the other training sources (their training split; the threshold is chosen on their validation split) and tested on the
/// whole left-out source; evaluation-only sources are tested with the model trained on every training source.
/// </summary>
/// <remarks>
/// The figures say how the recipe does on a source it never saw, which held-out splits of the training sources cannot. The folds are
/// independent and run in parallel; each is deterministic, so the same sources and options always give the same rows.
/// </remarks>
public static class LeaveOneSourceOut
{
    /// <summary>Trains and tests one model per left-out source.</summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="sources">The sources, at least two of them for training.</param>
    /// <param name="options">The split and training options of <see cref="ClassifierTraining.Run"/>.</param>
    /// <returns>One row per source, in the order of <paramref name="sources"/>.</returns>
    /// <exception cref="ArgumentException">Fewer than two training sources, or the sources left for a fold cannot train a model (e.g. one label only).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IReadOnlyList<SourceHoldout> Run(string name, IReadOnlyList<LabeledSource> sources, ClassifierTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (sources.Count(s => !s.EvaluationOnly) < 2)
        {
            throw new ArgumentException("Leaving one source out needs at least two training sources.", nameof(sources));
        }

        // Fold i < sources.Count leaves source i out; the last fold (evaluation-only sources) leaves none out.
        bool anyEvaluationOnly = sources.Any(s => s.EvaluationOnly);
        int folds = sources.Count + 1;
        var models = new ClassifierTrainingResult?[folds];
        Parallel.For(0, folds, fold =>
        {
            bool needed = fold < sources.Count ? !sources[fold].EvaluationOnly : anyEvaluationOnly;
            if (needed)
            {
                List<LabeledText> training = [.. sources.Where((s, i) => i != fold && !s.EvaluationOnly).SelectMany(s => s.Examples)];
                models[fold] = ClassifierTraining.Run(name, training, options);
            }
        });

        var rows = new List<SourceHoldout>(sources.Count);
        for (int i = 0; i < sources.Count; i++)
        {
            LabeledSource source = sources[i];
            ClassifierTrainingResult result = models[source.EvaluationOnly ? sources.Count : i]!;
            rows.Add(Test(source, result, options));
        }

        return rows;
    }

    private static SourceHoldout Test(LabeledSource source, ClassifierTrainingResult result, ClassifierTrainingOptions options)
    {
        var model = (NgramClassifier)result.Classifier;
        var scores = new double[source.Examples.Count];
        var truths = new bool[source.Examples.Count];
        for (int j = 0; j < scores.Length; j++)
        {
            LabeledText example = source.Examples[j];
            scores[j] = model.Score(example.Text);
            truths[j] = model.NegativeLabel is { } negative ? !string.Equals(example.Label, negative, StringComparison.Ordinal) : example.Value >= options.TargetThreshold;
        }

        return new SourceHoldout(source.Name, source.EvaluationOnly, result.TrainCount, ClassifierMetrics.At(scores, truths, model.Threshold), ClassifierMetrics.RankAuc(scores, truths));
    }
}
