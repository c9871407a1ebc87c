namespace CurationPipeline.Classifiers.Training;

/// <summary>How a model trained without one source does on that source (one row of a leave-one-source-out table).</summary>
/// <param name="Source">The left-out source.</param>
/// <param name="EvaluationOnly">The source is never trained on, so the model is the one trained on every training source.</param>
/// <param name="TrainCount">Examples the model was trained on (the training split of the other sources).</param>
/// <param name="Metrics">Metrics on the whole left-out source at the threshold chosen on the other sources' validation split.</param>
/// <param name="RankAuc">Area under the ROC curve on the left-out source (threshold-free), or <c>null</c> when it has one class only.</param>
public sealed record SourceHoldout(string Source, bool EvaluationOnly, int TrainCount, ClassifierMetrics Metrics, double? RankAuc)
{
    /// <summary>Spearman's rank correlation of the scores with the examples' <see cref="LabeledText.Value"/> (e.g. FineWeb-Edu's 0–5 score), or <c>null</c> when the source carries no such values.</summary>
    public double? Spearman { get; init; }

    /// <summary>The oracle-threshold ceiling on the left-out source (<see cref="ClassifierTrainingOptions.CeilingPrecision"/>), or <c>null</c> when not measured or one class only.</summary>
    public ThresholdCeiling? Ceiling { get; init; }
}
