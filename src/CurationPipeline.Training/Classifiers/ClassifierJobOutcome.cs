using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Training.Classifiers;

/// <summary>What a <see cref="ClassifierJob"/> produced.</summary>
/// <param name="Result">The model and its validation and test figures on the job's split.</param>
/// <param name="Spread">The held-out figures across <see cref="ClassifierJob.Splits"/> splits, or <c>null</c> for one split.</param>
/// <param name="ModelPath">The model file written.</param>
/// <param name="ModelBytes">Its size.</param>
/// <param name="CardPath">The model card written.</param>
/// <param name="Holdouts">The leave-one-source-out rows (n-gram jobs with <see cref="ClassifierJob.Sources"/>), else empty.</param>
public sealed record ClassifierJobOutcome(ClassifierTrainingResult Result, SplitSpread? Spread, string ModelPath, long ModelBytes, string CardPath, IReadOnlyList<SourceHoldout> Holdouts);
