namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary>The tests that share one <see cref="SlurmCluster"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "slurm";
}
