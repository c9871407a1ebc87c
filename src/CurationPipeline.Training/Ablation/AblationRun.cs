using CurationPipeline.Mixing;
using CurationPipeline.Training.Loop;

namespace CurationPipeline.Training.Ablation;

/// <summary>One arm of a finished ablation: the mix that was built and the model trained on it.</summary>
/// <param name="Mix">The arm's name.</param>
/// <param name="Seed">The training seed of this run.</param>
/// <param name="MixReport">The mixer's report (achieved shares, epochs, validation set size).</param>
/// <param name="Training">The training run (step losses, evaluations, tokens seen, parameters, throughput).</param>
/// <param name="UnigramLoss">The unigram cross-entropy of the mix's training stream (nats/token): the loss of a model that
/// ignores context.</param>
/// <param name="DataCounters">The training data loader's counters (shards, documents, skip reasons).</param>
/// <param name="RunDirectory">Where the run's <c>metrics.jsonl</c> and checkpoints are.</param>
public sealed record AblationRun(string Mix, long Seed, MixReport MixReport, TrainingResult Training, double UnigramLoss,
    IReadOnlyDictionary<string, long> DataCounters, string RunDirectory)
{
    /// <summary>Training tokens seen per model parameter (Chinchilla's compute-optimal ratio is about
    /// <see cref="AblationReport.ChinchillaTokensPerParameter"/>).</summary>
    public double TokensPerParameter => (double)Training.TokensSeen / Training.ParameterCount;

    /// <summary>The last evaluation (after the final step); every run has one.</summary>
    public EvaluationResult FinalEvaluation => Training.Evaluations[^1];
}
