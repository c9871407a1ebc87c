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
    public static IReadOnlyList<SourceHoldout> Run(string name, IReadOnlyList<LabeledSource> sources, ClassifierTrainingOptions options) =>
        Evaluate(name, sources, options).Rows;

    /// <summary>Trains and tests one model per left-out source, and chooses a threshold on the out-of-source predictions.</summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="sources">The sources, at least two of them for training.</param>
    /// <param name="options">The split and training options of <see cref="ClassifierTraining.Run"/>; with
    /// <see cref="ClassifierTrainingOptions.ThresholdFromOtherSources"/> each row's threshold is chosen on the other training sources' left-out predictions.</param>
    /// <returns>One row per source, in the order of <paramref name="sources"/>, and the threshold chosen on every training source's left-out predictions.</returns>
    /// <exception cref="ArgumentException">Fewer than two training sources, or the sources left for a fold cannot train a model (e.g. one label only).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static LeaveOneSourceOutResult Evaluate(string name, IReadOnlyList<LabeledSource> sources, ClassifierTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Evaluate(sources, Score(sources, NgramFolds(name, sources, sources, options)), options);
    }

    /// <summary>
    /// The n-gram recipe of <see cref="ClassifierTraining.Run"/> as folds for <see cref="Score"/>: each trained on the examples of
    /// <paramref name="training"/> but the left-out source, each scoring the texts of <paramref name="tested"/> (the same sources in
    /// the same order, e.g. a sample of each that an embedding head is also scored on).
    /// </summary>
    /// <param name="name">The classifier name.</param>
    /// <param name="training">The sources the folds train on.</param>
    /// <param name="tested">The sources the folds score, one per training source.</param>
    /// <param name="options">The split and training options (the threshold is always chosen on each fold's validation split).</param>
    /// <returns>The fold trainer.</returns>
    public static Func<int, SourceFold> NgramFolds(string name, IReadOnlyList<LabeledSource> training, IReadOnlyList<LabeledSource> tested, ClassifierTrainingOptions options) =>
        leftOut =>
        {
            ClassifierTrainingResult result = ClassifierTraining.Run(name, TrainingExamples(training, leftOut), options with { Threshold = null });
            var model = (NgramClassifier)result.Classifier;
            return new SourceFold(result.TrainCount, model.Threshold, model.NegativeLabel, i => [.. tested[i].Examples.Select(e => model.Score(e.Text))]);
        };

    /// <summary>The examples (and <see cref="LabeledSource.TrainingExtras"/>) of every training source but <paramref name="leftOut"/> (−1: of all of them), in source order.</summary>
    /// <param name="sources">The sources.</param>
    /// <param name="leftOut">The left-out source's index, or −1.</param>
    /// <returns>The examples.</returns>
    public static List<LabeledText> TrainingExamples(IReadOnlyList<LabeledSource> sources, int leftOut) =>
        [.. sources.Where((s, i) => i != leftOut && !s.EvaluationOnly).SelectMany(s => s.Examples.Concat(s.TrainingExtras))];

    /// <summary>
    /// Scores every source with a model that never trained on it: <paramref name="train"/>(i) trains without training source
    /// <c>i</c> and scores it; <paramref name="train"/>(−1) trains on every training source and scores the evaluation-only ones.
    /// </summary>
    /// <param name="sources">The sources, at least two of them for training.</param>
    /// <param name="train">Trains the fold that leaves the source at an index out (−1: none).</param>
    /// <returns>The out-of-source scores.</returns>
    /// <remarks>The folds are independent and run in parallel; deterministic folds give the same scores every time.</remarks>
    /// <exception cref="ArgumentException">Fewer than two training sources.</exception>
    public static OutOfSourceScores Score(IReadOnlyList<LabeledSource> sources, Func<int, SourceFold> train)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(train);
        if (sources.Count(s => !s.EvaluationOnly) < 2)
        {
            throw new ArgumentException("Leaving one source out needs at least two training sources.", nameof(sources));
        }

        // Fold i < sources.Count leaves source i out; the last fold (evaluation-only sources) leaves none out.
        bool anyEvaluationOnly = sources.Any(s => s.EvaluationOnly);
        var folds = new SourceFold?[sources.Count + 1];
        var scores = new double[sources.Count][];
        Parallel.For(0, folds.Length, fold =>
        {
            bool needed = fold < sources.Count ? !sources[fold].EvaluationOnly : anyEvaluationOnly;
            if (needed)
            {
                folds[fold] = train(fold < sources.Count ? fold : -1);
                if (fold < sources.Count)
                {
                    scores[fold] = folds[fold]!.Score(fold);
                }
            }
        });

        SourceFold Of(int i) => folds[sources[i].EvaluationOnly ? sources.Count : i]!;
        for (int i = 0; i < sources.Count; i++)
        {
            scores[i] ??= Of(i).Score(i);
        }

        return new OutOfSourceScores(scores, [.. Enumerable.Range(0, sources.Count).Select(i => Of(i).TrainCount)],
            [.. Enumerable.Range(0, sources.Count).Select(i => Of(i).Threshold)], folds.First(f => f is not null)!.NegativeLabel);
    }

    /// <summary>The leave-one-source-out rows of out-of-source scores, and the threshold chosen on them.</summary>
    /// <param name="sources">The scored sources.</param>
    /// <param name="scores">Their scores by <see cref="Score"/> (or an ensemble of such, <see cref="OutOfSourceScores.Mean"/>).</param>
    /// <param name="options">With <see cref="ClassifierTrainingOptions.ThresholdFromOtherSources"/> each row's threshold is chosen on the other
    /// training sources' scores, else each row uses its fold's own threshold; <see cref="ClassifierTrainingOptions.MinPrecision"/> and
    /// <see cref="ClassifierTrainingOptions.TargetThreshold"/> as in training.</param>
    /// <returns>One row per source, in order, and the threshold chosen on every training source's scores.</returns>
    /// <exception cref="ArgumentException">The scores are not one array per source example.</exception>
    public static LeaveOneSourceOutResult Evaluate(IReadOnlyList<LabeledSource> sources, OutOfSourceScores scores, ClassifierTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(options);
        if (scores.Scores.Count != sources.Count || sources.Where((s, i) => s.Examples.Count != scores.Scores[i].Length).Any())
        {
            throw new ArgumentException("One score per example of every source is needed.", nameof(scores));
        }

        double[][] all = [.. scores.Scores];
        bool[][] truths = [.. sources.Select(s => Truths(s, scores.NegativeLabel, options))];
        double outOfSource = PooledThreshold(sources, all, truths, options, leftOut: -1);
        var rows = new List<SourceHoldout>(sources.Count);
        for (int i = 0; i < sources.Count; i++)
        {
            LabeledSource source = sources[i];
            double threshold = !options.ThresholdFromOtherSources ? scores.Thresholds[i]
                : source.EvaluationOnly ? outOfSource
                : PooledThreshold(sources, all, truths, options, leftOut: i);
            double[] values = [.. source.Examples.Select(e => e.Value)];
            rows.Add(new SourceHoldout(source.Name, source.EvaluationOnly, scores.TrainCounts[i], ClassifierMetrics.At(all[i], truths[i], threshold), ClassifierMetrics.RankAuc(all[i], truths[i]))
            {
                Spearman = ClassifierMetrics.Spearman(all[i], values),
                Ceiling = options.CeilingPrecision is { } floor ? ThresholdCeiling.Measure(all[i], truths[i], floor) : null,
            });
        }

        return new LeaveOneSourceOutResult(rows, outOfSource);
    }

    /// <summary>
    /// The threshold chosen on the left-out predictions of every training source but <paramref name="leftOut"/>: the one whose
    /// worst F1 over the sources with both classes is best (so no source's definition of a positive dominates, as the largest
    /// would on the pooled predictions); with a precision floor, or when no source has both classes, the pooled rule of
    /// <see cref="ClassifierMetrics.ChooseThreshold"/>.
    /// </summary>
    private static double PooledThreshold(IReadOnlyList<LabeledSource> sources, double[][] scores, bool[][] truths, ClassifierTrainingOptions options, int leftOut)
    {
        int[] pooled = [.. Enumerable.Range(0, sources.Count).Where(i => i != leftOut && !sources[i].EvaluationOnly)];
        int[] mixed = [.. pooled.Where(i => truths[i].Contains(true) && truths[i].Contains(false))];
        if (options.MinPrecision is not null || mixed.Length == 0)
        {
            return ClassifierMetrics.ChooseThreshold([.. pooled.SelectMany(i => scores[i])], [.. pooled.SelectMany(i => truths[i])], options.MinPrecision);
        }

        // Per source, its positives' and negatives' scores sorted, so a threshold's counts are two binary searches.
        double[][] positives = [.. mixed.Select(i => Sorted(scores[i], truths[i], true))];
        double[][] negatives = [.. mixed.Select(i => Sorted(scores[i], truths[i], false))];
        double[] candidates = [.. mixed.SelectMany(i => scores[i]).Distinct().Order()];
        int step = Math.Max(1, candidates.Length / MaxCandidates);
        double best = 0.5, bestWorst = -1;
        for (int c = 0; c < candidates.Length; c += step)
        {
            double worst = double.MaxValue;
            for (int s = 0; s < mixed.Length && worst > bestWorst; s++)
            {
                int truePositives = AtOrAbove(positives[s], candidates[c]);
                int flagged = truePositives + AtOrAbove(negatives[s], candidates[c]);
                worst = Math.Min(worst, truePositives == 0 ? 0 : 2.0 * truePositives / (flagged + positives[s].Length));
            }

            if (worst > bestWorst)
            {
                bestWorst = worst;
                best = candidates[c];
            }
        }

        return best;
    }

    /// <summary>Most thresholds the worst-source rule tries (evenly spaced over the distinct scores).</summary>
    private const int MaxCandidates = 2_000;

    private static double[] Sorted(double[] scores, bool[] truths, bool positive) => [.. scores.Where((_, j) => truths[j] == positive).Order()];

    /// <summary>How many of the ascending <paramref name="sorted"/> are at or above <paramref name="threshold"/>.</summary>
    private static int AtOrAbove(double[] sorted, double threshold)
    {
        int index = Array.BinarySearch(sorted, threshold);
        if (index < 0)
        {
            index = ~index;
        }
        else
        {
            while (index > 0 && sorted[index - 1] == threshold)
            {
                index--;
            }
        }

        return sorted.Length - index;
    }

    private static bool[] Truths(LabeledSource source, string? negativeLabel, ClassifierTrainingOptions options) =>
        [.. source.Examples.Select(e => negativeLabel is { } negative ? !string.Equals(e.Label, negative, StringComparison.Ordinal) : e.Value >= options.TargetThreshold)];
}
