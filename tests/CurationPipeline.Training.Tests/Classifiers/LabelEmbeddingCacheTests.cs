using CurationPipeline.Classifiers.Training;
using CurationPipeline.Embeddings;
using CurationPipeline.Training.Classifiers;

namespace CurationPipeline.Training.Tests.Classifiers;

public sealed class LabelEmbeddingCacheTests
{
    private static readonly LabeledText[] s_examples = [new("a text", "1"), new("another", "0")];

    [Fact]
    public void Key_OtherPrecision_OtherEntry()
    {
        ulong fp32 = LabelEmbeddingCache.Key(s_examples, new EmbeddingOptions { UseCuda = false, Precision = EmbeddingPrecision.Fp32 });
        ulong int8 = LabelEmbeddingCache.Key(s_examples, new EmbeddingOptions { UseCuda = false, Precision = EmbeddingPrecision.Int8 });

        Assert.NotEqual(fp32, int8);
    }

    [Fact]
    public void Precision_Default_IsThePipelineDefault()
    {
        Assert.Equal(new EmbeddingOptions().Precision, new LabelEmbeddingCache("unused").Precision);
        Assert.Equal(EmbeddingPrecision.Fp32, new LabelEmbeddingCache("unused", precision: EmbeddingPrecision.Fp32).Precision);
    }
}
