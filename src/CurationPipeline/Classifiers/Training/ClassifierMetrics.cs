namespace CurationPipeline.Classifiers.Training;

/// <summary>Binary metrics of a classifier on one split: positives are documents whose label is not the negative label (or whose target score reaches the target threshold).</summary>
/// <param name="Count">Documents scored.</param>
/// <param name="Positives">True positives in the split.</param>
/// <param name="Threshold">Decision threshold on the score.</param>
/// <param name="TruePositives">Positives scored at or above the threshold.</param>
/// <param name="FalsePositives">Negatives scored at or above the threshold.</param>
/// <param name="Rmse">Root-mean-square error of the predicted score (regression only).</param>
public sealed record ClassifierMetrics(int Count, int Positives, double Threshold, int TruePositives, int FalsePositives, double? Rmse)
{
    /// <summary>TP / (TP + FP); 0 when nothing is predicted positive.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (double)(TruePositives + FalsePositives);

    /// <summary>TP / positives; 0 when the split has no positives.</summary>
    public double Recall => Positives == 0 ? 0 : TruePositives / (double)Positives;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>FP / negatives; 0 when the split has no negatives.</summary>
    public double FalsePositiveRate => Count == Positives ? 0 : FalsePositives / (double)(Count - Positives);

    /// <summary>Computes the metrics of scores against truths at a threshold.</summary>
    /// <param name="scores">One score per document.</param>
    /// <param name="truths">Whether each document is a positive.</param>
    /// <param name="threshold">Scores at or above it are predicted positive.</param>
    /// <param name="rmse">The regression RMSE, if any.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static ClassifierMetrics At(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truths, double threshold, double? rmse = null)
    {
        if (scores.Length != truths.Length)
        {
            throw new ArgumentException("One truth per score is needed.", nameof(truths));
        }

        int positives = 0, tp = 0, fp = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            bool predicted = scores[i] >= threshold;
            positives += truths[i] ? 1 : 0;
            tp += predicted && truths[i] ? 1 : 0;
            fp += predicted && !truths[i] ? 1 : 0;
        }

        return new ClassifierMetrics(scores.Length, positives, threshold, tp, fp, rmse);
    }

    /// <summary>Picks the threshold with the best F1, or, with <paramref name="minPrecision"/>, the best recall whose precision reaches it.</summary>
    /// <param name="scores">Validation scores.</param>
    /// <param name="truths">Validation truths.</param>
    /// <param name="minPrecision">Precision floor, or <c>null</c> to maximise F1.</param>
    /// <returns>The chosen threshold (a score value seen in the data); <c>0.5</c> if the split is empty.</returns>
    public static double ChooseThreshold(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truths, double? minPrecision)
    {
        double[] candidates = scores.ToArray();
        Array.Sort(candidates);
        double best = 0.5, bestValue = -1;
        double previous = double.NaN;
        foreach (double threshold in candidates)
        {
            if (threshold == previous)
            {
                continue;
            }

            previous = threshold;
            ClassifierMetrics m = At(scores, truths, threshold);
            double value = minPrecision is { } floor ? (m.Precision >= floor ? m.Recall + (m.Precision * 1e-6) : -1) : m.F1;
            if (value > bestValue)
            {
                bestValue = value;
                best = threshold;
            }
        }

        return best;
    }

    /// <summary>Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half).</summary>
    /// <param name="scores">One score per document.</param>
    /// <param name="truths">Whether each document is a positive.</param>
    /// <returns>The AUC, or <c>null</c> when there are no positives or no negatives.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double? RankAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truths)
    {
        if (scores.Length != truths.Length)
        {
            throw new ArgumentException("One truth per score is needed.", nameof(truths));
        }

        double[] ranks = MidRanks(scores);
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < ranks.Length; i++)
        {
            if (truths[i])
            {
                positiveRanks += ranks[i];
                positives++;
            }
        }

        long negatives = scores.Length - positives;
        return positives == 0 || negatives == 0 ? null : (positiveRanks - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>Spearman's rank correlation: the Pearson correlation of the two rankings (ties get their mean rank).</summary>
    /// <param name="scores">One score per document.</param>
    /// <param name="values">The reference value of each document (e.g. FineWeb-Edu's 0–5 score).</param>
    /// <returns>The correlation in [−1, 1], or <c>null</c> when either side is constant.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double? Spearman(ReadOnlySpan<double> scores, ReadOnlySpan<double> values)
    {
        if (scores.Length != values.Length)
        {
            throw new ArgumentException("One value per score is needed.", nameof(values));
        }

        double[] x = MidRanks(scores), y = MidRanks(values);
        double mean = (x.Length + 1) / 2.0, xy = 0, xx = 0, yy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            xy += (x[i] - mean) * (y[i] - mean);
            xx += (x[i] - mean) * (x[i] - mean);
            yy += (y[i] - mean) * (y[i] - mean);
        }

        return xx == 0 || yy == 0 ? null : xy / Math.Sqrt(xx * yy);
    }

    /// <summary>The 1-based rank of each value in ascending order, tied values sharing their mean rank.</summary>
    private static double[] MidRanks(ReadOnlySpan<double> values)
    {
        int[] order = [.. Enumerable.Range(0, values.Length)];
        double[] sorted = values.ToArray();
        Array.Sort(sorted, order);
        var ranks = new double[values.Length];
        for (int i = 0; i < sorted.Length;)
        {
            int end = i;
            while (end < sorted.Length && sorted[end] == sorted[i])
            {
                end++;
            }

            for (int k = i; k < end; k++)
            {
                ranks[order[k]] = (i + end + 1) / 2.0;
            }

            i = end;
        }

        return ranks;
    }
}
