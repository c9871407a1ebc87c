using System.Collections.Immutable;

namespace CurationPipeline.Training.Loop;

/// <summary>Everything that decides a training run's numbers, apart from the model shape and the data.</summary>
/// <remarks>
/// Defaults: sequence length 256, micro-batch 8, 16,384 tokens per step (gradient accumulation makes up the rest), 1,000 steps,
/// peak learning rate 6e-4 with 100 warmup steps then cosine to 10% (<see cref="LearningRateSchedule.Cosine"/>), AdamW
/// β = (0.9, 0.95), ε 1e-8, weight decay 0.1 on matrices only, gradient clipping at 1.0, seed 1337, checkpoints every 100 steps
/// keeping the last 3, evaluation every 100 steps over at most 16 windows per domain, spike detection over a 128-step window
/// with z threshold 6 after 16 steps of history. Setting <see cref="SpikeZThreshold"/> to 0 turns rollback off (z still logged).
/// </remarks>
public sealed record TrainingOptions
{
    /// <summary>Window length T: the model sees T tokens and predicts the T next ones.</summary>
    public int SequenceLength { get; init; } = 256;

    /// <summary>Windows per forward/backward pass.</summary>
    public int MicroBatchSize { get; init; } = 8;

    /// <summary>Tokens per optimizer step before any <see cref="BatchStages"/>; a multiple of micro-batch × sequence length.</summary>
    public int BatchTokens { get; init; } = 16_384;

    /// <summary>Optional staged batch-size increases, by tokens seen (ascending).</summary>
    public ImmutableArray<BatchStage> BatchStages { get; init; } = [];

    /// <summary>The number of optimizer steps of the run (the schedule's length).</summary>
    public int MaxSteps { get; init; } = 1_000;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 6e-4;

    /// <summary>The final learning rate as a fraction of the peak.</summary>
    public double MinLearningRateFraction { get; init; } = 0.1;

    /// <summary>Linear warmup steps.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>The decay after warmup.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>For <see cref="LearningRateSchedule.WarmupStableDecay"/>: the fraction of all steps spent decaying.</summary>
    public double DecayFraction { get; init; } = 0.2;

    /// <summary>AdamW β1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW β2.</summary>
    public double Beta2 { get; init; } = 0.95;

    /// <summary>Decoupled weight decay, applied to parameters with two or more dimensions only.</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>Global gradient-norm clip.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Seeds the model initialisation and the data order.</summary>
    public long Seed { get; init; } = 1337;

    /// <summary>Write a checkpoint every this many steps (and at the end).</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>Checkpoints kept; older ones are deleted.</summary>
    public int KeepCheckpoints { get; init; } = 3;

    /// <summary>Evaluate every this many steps (and at the end); 0 evaluates only at the end.</summary>
    public int EvaluateEvery { get; init; } = 100;

    /// <summary>At most this many windows per validation domain (always the first ones: the same tokens for every run).</summary>
    public int EvaluationWindows { get; init; } = 16;

    /// <summary>Rolling window of the loss and gradient-norm z-scores.</summary>
    public int SpikeWindow { get; init; } = 128;

    /// <summary>Steps of history needed before a z-score can flag a spike.</summary>
    public int SpikeMinHistory { get; init; } = 16;

    /// <summary>A step whose loss or gradient-norm z-score exceeds this is a spike; 0 disables rollback.</summary>
    public double SpikeZThreshold { get; init; } = 6.0;

    /// <summary>Intra-op threads for libtorch on CPU; 0 keeps libtorch's default.</summary>
    public int Threads { get; init; }

    /// <summary>The batch size in tokens once <paramref name="tokensSeen"/> training tokens have been consumed.</summary>
    public int BatchTokensAt(long tokensSeen)
    {
        int batch = BatchTokens;
        foreach (BatchStage stage in BatchStages)
        {
            if (tokensSeen >= stage.FromTokens)
            {
                batch = stage.BatchTokens;
            }
        }

        return batch;
    }

    /// <summary>The learning rate of optimizer step <paramref name="step"/> (0-based): linear warmup, then the decay.</summary>
    public double LearningRateAt(long step)
    {
        if (step < WarmupSteps)
        {
            return LearningRate * (step + 1) / WarmupSteps;
        }

        double floor = LearningRate * MinLearningRateFraction;
        if (Schedule == LearningRateSchedule.WarmupStableDecay)
        {
            long decaySteps = Math.Max(1, (long)Math.Round(MaxSteps * DecayFraction));
            long decayStart = MaxSteps - decaySteps;
            if (step < decayStart)
            {
                return LearningRate;
            }

            double decayProgress = Math.Min(1.0, (double)(step - decayStart) / decaySteps);
            return floor + (LearningRate - floor) * (1.0 - Math.Sqrt(decayProgress));
        }

        double progress = Math.Min(1.0, (double)(step - WarmupSteps) / Math.Max(1, MaxSteps - WarmupSteps));
        return floor + 0.5 * (LearningRate - floor) * (1.0 + Math.Cos(Math.PI * progress));
    }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SequenceLength, 1, nameof(SequenceLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MicroBatchSize, 1, nameof(MicroBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSteps, 1, nameof(MaxSteps));
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupSteps, nameof(WarmupSteps));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        CheckFraction(MinLearningRateFraction, nameof(MinLearningRateFraction));
        CheckFraction(DecayFraction, nameof(DecayFraction));
        CheckFraction(Beta1, nameof(Beta1));
        CheckFraction(Beta2, nameof(Beta2));
        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay, nameof(WeightDecay));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GradientClip, nameof(GradientClip));
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointEvery, 1, nameof(CheckpointEvery));
        ArgumentOutOfRangeException.ThrowIfLessThan(KeepCheckpoints, 1, nameof(KeepCheckpoints));
        ArgumentOutOfRangeException.ThrowIfNegative(EvaluateEvery, nameof(EvaluateEvery));
        ArgumentOutOfRangeException.ThrowIfLessThan(EvaluationWindows, 1, nameof(EvaluationWindows));
        ArgumentOutOfRangeException.ThrowIfLessThan(SpikeWindow, 2, nameof(SpikeWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(SpikeMinHistory, 2, nameof(SpikeMinHistory));
        ArgumentOutOfRangeException.ThrowIfNegative(SpikeZThreshold, nameof(SpikeZThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
        CheckBatch(BatchTokens, nameof(BatchTokens));
        long previous = -1;
        foreach (BatchStage stage in BatchStages)
        {
            if (stage.FromTokens <= previous)
            {
                throw new ArgumentOutOfRangeException(nameof(BatchStages), stage.FromTokens, "Stages must ascend by FromTokens.");
            }

            CheckBatch(stage.BatchTokens, nameof(BatchStages));
            previous = stage.FromTokens;
        }

        static void CheckFraction(double value, string name)
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 1].");
            }
        }

        void CheckBatch(int tokens, string name)
        {
            int micro = MicroBatchSize * SequenceLength;
            if (tokens < micro || tokens % micro != 0)
            {
                throw new ArgumentOutOfRangeException(name, tokens, $"Must be a positive multiple of micro-batch × sequence length ({micro}).");
            }
        }
    }
}
