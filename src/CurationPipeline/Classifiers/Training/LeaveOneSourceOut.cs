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
        var scores = new double[sources.Count][];
        Parallel.For(0, folds, fold =>
        {
            bool needed = fold < sources.Count ? !sources[fold].EvaluationOnly : anyEvaluationOnly;
            if (needed)
            {
                List<LabeledText> training = [.. sources.Where((s, i) => i != fold && !s.EvaluationOnly).SelectMany(s => s.Examples)];
                models[fold] = ClassifierTraining.Run(name, training, options with { Threshold = null });
                if (fold < sources.Count)
                {
                    scores[fold] = Score(models[fold]!, sources[fold]);
                }
            }
        });

        for (int i = 0; i < sources.Count; i++)
        {
            scores[i] ??= Score(models[sources.Count]!, sources[i]);
        }

        bool[][] truths = [.. sources.Select(s => Truths(s, models.First(m => m is not null)!.Classifier, options))];
        double outOfSource = PooledThreshold(sources, scores, truths, options, leftOut: -1);
        var rows = new List<SourceHoldout>(sources.Count);
        for (int i = 0; i < sources.Count; i++)
        {
            LabeledSource source = sources[i];
            ClassifierTrainingResult result = models[source.EvaluationOnly ? sources.Count : i]!;
            double threshold = !options.ThresholdFromOtherSources ? result.Classifier.Threshold
                : source.EvaluationOnly ? outOfSource
                : PooledThreshold(sources, scores, truths, options, leftOut: i);
            rows.Add(new SourceHoldout(source.Name, source.EvaluationOnly, result.TrainCount, ClassifierMetrics.At(scores[i], truths[i], threshold), ClassifierMetrics.RankAuc(scores[i], truths[i])));
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

    private static double[] Score(ClassifierTrainingResult result, LabeledSource source)
    {
        var model = (NgramClassifier)result.Classifier;
        return [.. source.Examples.Select(e => model.Score(e.Text))];
    }

    private static bool[] Truths(LabeledSource source, ITrainedClassifier model, ClassifierTrainingOptions options) =>
        [.. source.Examples.Select(e => model.NegativeLabel is { } negative ? !string.Equals(e.Label, negative, StringComparison.Ordinal) : e.Value >= options.TargetThreshold)];
}
