namespace CurationPipeline.Training.Loop.Internal;

/// <summary>The scalar part of a checkpoint (stored as JSON ahead of the model and optimizer tensors).</summary>
internal sealed record CheckpointState
{
    public required long Step { get; init; }

    public required long TokensSeen { get; init; }

    public required long DataPosition { get; init; }

    public required string RngState { get; init; }

    public required double[][] SpikeHistory { get; init; }
}
