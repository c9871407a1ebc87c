namespace CurationPipeline.Training.Loop;

/// <summary>How the learning rate decays after the linear warmup.</summary>
public enum LearningRateSchedule
{
    /// <summary>Cosine from the peak to the floor over the remaining steps (nanoGPT, llm.c default).</summary>
    Cosine,

    /// <summary>Warmup-stable-decay: constant at the peak, then over the last <see cref="TrainingOptions.DecayFraction"/> of the
    /// steps 1 − √progress down to the floor (llm.c's <c>wsd</c>, arXiv 2405.18392).</summary>
    WarmupStableDecay,
}
