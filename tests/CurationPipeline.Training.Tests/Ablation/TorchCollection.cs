namespace CurationPipeline.Training.Tests.Ablation;

/// <summary>Tests that train: libtorch's RNG (<c>manual_seed</c>) and thread count are process-wide, so these run alone, after the
/// parallel collections, and cannot disturb the seeded determinism other tests check.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch (not parallel)";
}
