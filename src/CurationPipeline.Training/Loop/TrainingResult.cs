namespace CurationPipeline.Training.Loop;

/// <summary>What a call to <see cref="Trainer.RunAsync"/> did.</summary>
/// <param name="Steps">Every step taken by this call, in order (after a rollback, replayed step numbers appear again).</param>
/// <param name="Evaluations">Every evaluation of this call.</param>
/// <param name="Rollbacks">Spikes answered by rolling back to the last checkpoint and skipping the batches since it.</param>
/// <param name="SkippedUpdates">Spikes answered by dropping the update only (no checkpoint existed yet).</param>
/// <param name="FinalStep">The step the model state is at.</param>
/// <param name="TokensSeen">Training tokens consumed by the model state.</param>
/// <param name="ParameterCount">Trainable parameters.</param>
/// <param name="TokensPerSecond">Training tokens per second of this call's optimizer steps (evaluation and checkpoints excluded).</param>
/// <param name="Mfu">Model FLOPs utilisation of those steps against the peak given to the trainer (NaN without one).</param>
public sealed record TrainingResult(IReadOnlyList<StepMetrics> Steps, IReadOnlyList<EvaluationResult> Evaluations, int Rollbacks,
    int SkippedUpdates, long FinalStep, long TokensSeen, long ParameterCount, double TokensPerSecond, double Mfu);
