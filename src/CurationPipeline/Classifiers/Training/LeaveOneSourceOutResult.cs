namespace CurationPipeline.Classifiers.Training;

/// <summary>The figures of <see cref="LeaveOneSourceOut.Evaluate(string, IReadOnlyList{LabeledSource}, ClassifierTrainingOptions)"/> and <see cref="LeaveOneSourceOut.Evaluate(IReadOnlyList{LabeledSource}, OutOfSourceScores, ClassifierTrainingOptions)"/>.</summary>
/// <param name="Rows">One row per source, in the order given.</param>
/// <param name="OutOfSourceThreshold">
/// The threshold chosen on the left-out predictions of every training source, each scored by the model that did not see it
/// (the best worst-source F1; with a precision floor, or sources of one class, the pooled rule): a threshold for the model
/// trained on all of them that no in-source split picked.
/// </param>
public sealed record LeaveOneSourceOutResult(IReadOnlyList<SourceHoldout> Rows, double OutOfSourceThreshold);
