namespace CurationPipeline.Classifiers.Training;

/// <summary>
/// The best a score can do on one labelled set when the threshold is chosen on that set itself (an oracle threshold): the best F1,
/// and the best recall at a precision floor. Compared with the figures at a threshold chosen elsewhere, it tells whether a gap is
/// the threshold (calibration that does not transfer) or the ranking.
/// </summary>
/// <param name="BestF1">The metrics at the threshold with the best F1.</param>
/// <param name="AtPrecision">The metrics at the threshold with the best recall whose precision reaches <paramref name="MinPrecision"/>, or <c>null</c> when none does.</param>
/// <param name="MinPrecision">The precision floor.</param>
public sealed record ThresholdCeiling(ClassifierMetrics BestF1, ClassifierMetrics? AtPrecision, double MinPrecision)
{
    /// <summary>Sweeps every distinct score as the threshold (one sort, so large sets are cheap).</summary>
    /// <param name="scores">One score per document.</param>
    /// <param name="truths">Whether each document is a positive.</param>
    /// <param name="minPrecision">The precision floor of <see cref="AtPrecision"/>.</param>
    /// <returns>The ceiling, or <c>null</c> when the set lacks positives or negatives.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minPrecision"/> is outside (0, 1].</exception>
    public static ThresholdCeiling? Measure(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truths, double minPrecision)
    {
        if (scores.Length != truths.Length)
        {
            throw new ArgumentException("One truth per score is needed.", nameof(truths));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minPrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minPrecision, 1);
        int positives = 0;
        foreach (bool truth in truths)
        {
            positives += truth ? 1 : 0;
        }

        if (positives == 0 || positives == scores.Length)
        {
            return null;
        }

        // Descending by score: after the last of a run of equal scores, the counts are those of that score as the threshold.
        double[] sorted = scores.ToArray();
        bool[] labels = truths.ToArray();
        Array.Sort(sorted, labels);
        int truePositives = 0, falsePositives = 0;
        ClassifierMetrics? bestF1 = null, atPrecision = null;
        for (int i = sorted.Length - 1; i >= 0; i--)
        {
            truePositives += labels[i] ? 1 : 0;
            falsePositives += labels[i] ? 0 : 1;
            if (i > 0 && sorted[i - 1] == sorted[i])
            {
                continue;
            }

            var m = new ClassifierMetrics(sorted.Length, positives, sorted[i], truePositives, falsePositives, null);
            if (bestF1 is null || m.F1 > bestF1.F1)
            {
                bestF1 = m;
            }

            if (m.Precision >= minPrecision && (atPrecision is null || m.Recall > atPrecision.Recall))
            {
                atPrecision = m;
            }
        }

        return new ThresholdCeiling(bestF1!, atPrecision, minPrecision);
    }
}
