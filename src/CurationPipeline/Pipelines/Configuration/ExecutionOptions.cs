namespace CurationPipeline.Pipelines.Configuration;

/// <summary>The <c>execution:</c> section: how a pass is split into tasks and how much runs at once inside a task.</summary>
/// <remarks>
/// Defaults: <see cref="Workers"/> 0 (one per core), <see cref="WorldSize"/> 1, <see cref="BoundedCapacity"/> 64 items per
/// block, <see cref="Readers"/> 2 files read at once, <see cref="ProgressInterval"/> 10 s.
/// </remarks>
public sealed record ExecutionOptions
{
    /// <summary>Threads per CPU stage; 0 means <see cref="Environment.ProcessorCount"/>.</summary>
    public int Workers { get; init; }

    /// <summary>Input files read concurrently within a task.</summary>
    public int Readers { get; init; } = 2;

    /// <summary>Number of tasks a pass is split into; input file <c>i</c> belongs to rank <c>i % WorldSize</c>.</summary>
    public int WorldSize { get; init; } = 1;

    /// <summary>Items buffered per block: back-pressure reaches the reader when a block holds this many.</summary>
    public int BoundedCapacity { get; init; } = 64;

    /// <summary>How often progress lines are printed when output is not a terminal.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The effective worker count.</summary>
    public int EffectiveWorkers => Workers == 0 ? Environment.ProcessorCount : Workers;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Workers, nameof(Workers));
        ArgumentOutOfRangeException.ThrowIfLessThan(Readers, 1, nameof(Readers));
        ArgumentOutOfRangeException.ThrowIfLessThan(WorldSize, 1, nameof(WorldSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(BoundedCapacity, 1, nameof(BoundedCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ProgressInterval, TimeSpan.Zero, nameof(ProgressInterval));
    }
}
