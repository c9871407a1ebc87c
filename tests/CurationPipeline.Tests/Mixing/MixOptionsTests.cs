using CurationPipeline.Configuration;
using CurationPipeline.Mixing;

namespace CurationPipeline.Tests.Mixing;

/// <summary>The mix's rehydration rule: copies per epoch by cluster size.</summary>
public sealed class MixOptionsTests
{
    private static readonly MixOptions s_fineWeb2Style = MixConfigLoader.Parse("rehydration: {2: 2, 5: 3, 100: 1}\n", "mix.yaml");

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(99, 3)]
    [InlineData(100, 1)]
    [InlineData(5000, 1)]
    public void WeightOf_BucketsByClusterSize_TakesTheLargestKeyNotAboveTheSize(int clusterSize, int copies) =>
        Assert.Equal(copies, s_fineWeb2Style.WeightOf(clusterSize));

    [Fact]
    public void WeightOf_NoRehydration_EveryDocumentOnce() =>
        Assert.Equal(1, new MixOptions().WeightOf(40));

    [Theory]
    [InlineData("rehydration: {2: 100}\nmax_epochs: 4\n")]
    [InlineData("rehydration: {0: 2}\n")]
    [InlineData("rehydration: {2: 0}\n")]
    public void Parse_RehydrationOutOfRange_FailsNamingTheKey(string yaml)
    {
        var error = Assert.Throws<PipelineConfigException>(() => MixConfigLoader.Parse(yaml, "mix.yaml"));
        Assert.Contains("ehydration", error.Message, StringComparison.Ordinal);
    }
}
