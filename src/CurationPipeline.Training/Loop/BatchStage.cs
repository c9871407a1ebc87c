namespace CurationPipeline.Training.Loop;

/// <summary>A staged batch-size increase: from <paramref name="FromTokens"/> tokens seen on, each optimizer step takes
/// <paramref name="BatchTokens"/> tokens (Llama 3 went 4M → 8M → 16M).</summary>
/// <param name="FromTokens">Training tokens seen when the stage starts.</param>
/// <param name="BatchTokens">Tokens per optimizer step in this stage; a multiple of micro-batch × sequence length.</param>
public readonly record struct BatchStage(long FromTokens, int BatchTokens);
