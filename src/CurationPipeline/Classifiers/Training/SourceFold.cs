namespace CurationPipeline.Classifiers.Training;

/// <summary>A model trained for one leave-one-source-out fold, as <see cref="LeaveOneSourceOut.Score"/> sees it.</summary>
/// <param name="TrainCount">Examples it was trained on.</param>
/// <param name="Threshold">Its own decision threshold (chosen on its validation split).</param>
/// <param name="NegativeLabel">The label its score measures the absence of (<c>null</c>: regression targets against <see cref="ClassifierTrainingOptions.TargetThreshold"/>).</param>
/// <param name="Score">Scores every example of the source at an index, in order.</param>
public sealed record SourceFold(int TrainCount, double Threshold, string? NegativeLabel, Func<int, double[]> Score);
