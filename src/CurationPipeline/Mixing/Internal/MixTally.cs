namespace CurationPipeline.Mixing.Internal;

/// <summary>What was actually written, per domain index: counted from the rows handed to the writers.</summary>
internal sealed class MixTally(int domains)
{
    public long[] TrainTokens { get; } = new long[domains];

    public long[] TrainDocuments { get; } = new long[domains];

    public long[] ValidationTokens { get; } = new long[domains];

    public long[] ValidationDocuments { get; } = new long[domains];

    public List<string> Files { get; } = [];
}
