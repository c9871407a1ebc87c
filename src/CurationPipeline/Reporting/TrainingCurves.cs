namespace CurationPipeline.Reporting;

/// <summary>One training run's curves, read from its <c>metrics.jsonl</c> (what <c>curate train</c> and <c>curate ablate</c> write).</summary>
/// <param name="Name">The run's folder, relative to the training directory given to the report.</param>
/// <param name="Steps">Per optimizer step: step, training loss, learning rate, tokens per second.</param>
/// <param name="Validations">Per evaluation: step, validation loss, and the loss per domain.</param>
public sealed record TrainingCurves(
    string Name,
    IReadOnlyList<(long Step, double Loss, double LearningRate, double TokensPerSecond)> Steps,
    IReadOnlyList<(long Step, double Loss, IReadOnlyDictionary<string, double> DomainLoss)> Validations);
