using CurationPipeline.Outputs;
using CurationPipeline.Training.Data;
using CurationPipeline.Training.Model;

namespace CurationPipeline.Training.Loop;

/// <summary>Training-step throughput on seeded random tokens: tokens/s and MFU against <see cref="PeakFlops.MeasureMatmul"/>
/// measured in the same process.</summary>
public static class TrainingBenchmark
{
    /// <summary>Measures the peak, then trains <paramref name="steps"/> steps (after <paramref name="warmupSteps"/> untimed ones).</summary>
    /// <param name="model">The model shape (its vocabulary sets the random token range).</param>
    /// <param name="options">Batch and sequence settings; checkpointing and evaluation happen only after the timed steps.</param>
    /// <param name="warmupSteps">Untimed steps first (allocator and kernel warm-up).</param>
    /// <param name="steps">Timed steps.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    /// <returns>The timed steps' result and the measured peak FLOP/s.</returns>
    public static async Task<(TrainingResult Result, double PeakFlops)> RunAsync(GptOptions model, TrainingOptions options,
        int warmupSteps, int steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        if (options.Threads > 0)
        {
            TorchSharp.torch.set_num_threads(options.Threads);
        }

        double peak = PeakFlops.MeasureMatmul();
        int total = warmupSteps + steps;
        var random = new Random(1);
        var tokens = new int[(long)options.BatchTokensAt(0) * (total + 1) + 1];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i] = random.Next(model.VocabularySize);
        }

        var metadata = new TokenizedShardMetadata("random", model.VocabularySize, model.VocabularySize - 1);
        TrainingData data = TrainingData.FromTokens(metadata, tokens,
            new Dictionary<string, int[]> { ["random"] = tokens[..(options.SequenceLength * 2 + 1)] });
        string directory = Directory.CreateTempSubdirectory("curate-train-bench-").FullName;
        try
        {
            TrainingOptions runOptions = options with
            {
                MaxSteps = total, CheckpointEvery = total, EvaluateEvery = 0, EvaluationWindows = 1, SpikeZThreshold = 0,
            };
            using var trainer = new Trainer(model, runOptions, data, directory, peakFlops: peak);
            if (warmupSteps > 0)
            {
                await trainer.RunAsync(warmupSteps, cancellationToken).ConfigureAwait(false);
            }

            return (await trainer.RunAsync(total, cancellationToken).ConfigureAwait(false), peak);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
