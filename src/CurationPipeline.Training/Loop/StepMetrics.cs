namespace CurationPipeline.Training.Loop;

/// <summary>One optimizer step as logged (also one line of <c>metrics.jsonl</c>).</summary>
/// <param name="Step">The step number, 1-based (the step just taken).</param>
/// <param name="Loss">Mean training loss over the step's micro-batches (nats/token).</param>
/// <param name="GradientNorm">The global gradient norm before clipping.</param>
/// <param name="LearningRate">The learning rate used.</param>
/// <param name="LossZ">Rolling z-score of the loss (NaN while the window is short).</param>
/// <param name="GradientNormZ">Rolling z-score of the gradient norm (NaN while the window is short).</param>
/// <param name="BatchTokens">Tokens in this step.</param>
/// <param name="TokensSeen">Training tokens consumed by the model state after this step.</param>
/// <param name="TokensPerSecond">This step's training throughput.</param>
/// <param name="Mfu">Model FLOPs utilisation against the measured peak (NaN without a peak).</param>
public readonly record struct StepMetrics(long Step, double Loss, double GradientNorm, double LearningRate, double LossZ,
    double GradientNormZ, int BatchTokens, long TokensSeen, double TokensPerSecond, double Mfu);
