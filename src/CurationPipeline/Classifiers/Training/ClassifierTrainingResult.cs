namespace CurationPipeline.Classifiers.Training;

/// <summary>A trained model with its split sizes and its metrics on the validation and held-out test splits.</summary>
/// <param name="Classifier">The model, its threshold set from the validation split.</param>
/// <param name="TrainCount">Examples trained on.</param>
/// <param name="Validation">Metrics on the validation split (threshold tuned here).</param>
/// <param name="Test">Metrics on the held-out test split.</param>
/// <param name="TrainSeconds">Wall time of training.</param>
public sealed record ClassifierTrainingResult(ITrainedClassifier Classifier, int TrainCount, ClassifierMetrics Validation, ClassifierMetrics Test, double TrainSeconds);
