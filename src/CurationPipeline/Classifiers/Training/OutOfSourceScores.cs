namespace CurationPipeline.Classifiers.Training;

/// <summary>
/// Every source scored by a model that never trained on it (<see cref="LeaveOneSourceOut.Score"/>): a training source by the
/// model trained on the other training sources, an evaluation-only source by the model trained on every training source.
/// </summary>
/// <param name="Scores">Per source, one score per example, in order.</param>
/// <param name="TrainCounts">Per source, the examples its model was trained on.</param>
/// <param name="Thresholds">Per source, its model's own threshold.</param>
/// <param name="NegativeLabel">The label the scores measure the absence of (<c>null</c>: regression).</param>
public sealed record OutOfSourceScores(IReadOnlyList<double[]> Scores, IReadOnlyList<int> TrainCounts, IReadOnlyList<double> Thresholds, string? NegativeLabel)
{
    /// <summary>
    /// The ensemble of two models' out-of-source scores: per example the mean of the two scores (a <see cref="ClassifierEnsemble"/>
    /// of equal weights), per source the mean of the two thresholds and the larger training count.
    /// </summary>
    /// <param name="first">One model's scores.</param>
    /// <param name="second">The other's, of the same sources and examples.</param>
    /// <returns>The mean scores.</returns>
    /// <exception cref="ArgumentException">The two do not score the same sources and examples.</exception>
    public static OutOfSourceScores Mean(OutOfSourceScores first, OutOfSourceScores second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Scores.Count != second.Scores.Count || first.Scores.Where((s, i) => s.Length != second.Scores[i].Length).Any()
            || first.NegativeLabel != second.NegativeLabel)
        {
            throw new ArgumentException("The two models must score the same sources and examples.", nameof(second));
        }

        return new OutOfSourceScores(
            [.. first.Scores.Select((s, i) => s.Select((v, j) => ClassifierEnsemble.Mean(v, second.Scores[i][j])).ToArray())],
            [.. first.TrainCounts.Select((n, i) => Math.Max(n, second.TrainCounts[i]))],
            [.. first.Thresholds.Select((t, i) => ClassifierEnsemble.Mean(t, second.Thresholds[i]))],
            first.NegativeLabel);
    }
}
