namespace CurationPipeline.Training.Loop;

/// <summary>Validation loss after a step: per domain, and over all validation tokens evaluated.</summary>
/// <param name="Step">The step after which the model was evaluated.</param>
/// <param name="Loss">Token-weighted mean loss over every domain (nats/token).</param>
/// <param name="DomainLoss">Mean loss per domain (nats/token), in ordinal domain order.</param>
public sealed record EvaluationResult(long Step, double Loss, IReadOnlyDictionary<string, double> DomainLoss);
