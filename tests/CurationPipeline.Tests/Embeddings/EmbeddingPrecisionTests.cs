using CurationPipeline.Configuration;
using CurationPipeline.Embeddings;
using CurationPipeline.Pipelines.Configuration;

namespace CurationPipeline.Tests.Embeddings;

public sealed class EmbeddingPrecisionTests
{
    [Theory]
    [InlineData("fp32", EmbeddingPrecision.Fp32)]
    [InlineData("int8", EmbeddingPrecision.Int8)]
    [InlineData("Int8", EmbeddingPrecision.Int8)]
    public void Parse_SemanticEmbeddingPrecision_Binds(string value, EmbeddingPrecision expected)
    {
        PipelineOptions options = PipelineConfigLoader.Parse($"semantic:\n  embedding:\n    precision: {value}\n", "p.yaml");

        Assert.Equal(expected, options.Semantic.Embedding.Precision);
    }

    [Fact]
    public void Parse_PrecisionAbsent_Int8()
    {
        Assert.Equal(EmbeddingPrecision.Int8, PipelineConfigLoader.Parse("semantic:\n  enabled: true\n", "p.yaml").Semantic.Embedding.Precision);
    }

    [Theory]
    [InlineData("fp16")]
    [InlineData("7")]
    public void Parse_UnknownPrecision_FailsNamingKeyAndLine(string value)
    {
        var e = Assert.Throws<PipelineConfigException>(
            () => PipelineConfigLoader.Parse($"semantic:\n  embedding:\n    precision: {value}\n", "p.yaml"));

        Assert.Equal(3, e.Line);
        Assert.Contains("precision", e.Message);
    }
}
