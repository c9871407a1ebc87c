namespace CurationPipeline.Classifiers.Training;

/// <summary>The figures of <see cref="LeaveOneSourceOut.Evaluate"/>.</summary>
/// <param name="Rows">One row per source, in the order given.</param>
/// <param name="OutOfSourceThreshold">
/// The threshold chosen (best F1, or the precision floor) on the pooled left-out predictions of every training source, each
/// scored by the model that did not see it: a threshold for the model trained on all of them that no in-source split picked.
/// </param>
public sealed record LeaveOneSourceOutResult(IReadOnlyList<SourceHoldout> Rows, double OutOfSourceThreshold);
