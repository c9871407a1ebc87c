using CurationPipeline.Training.Model;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Tests.Model;

public sealed class GptTests
{
    [Fact]
    public void Forward_IsCausal_LaterTokensDoNotChangeEarlierLogits()
    {
        manual_seed(1);
        using var model = new Gpt(GptOptions.FromPreset("tiny", 50));
        model.eval();
        using Tensor a = tensor(new long[] { 1, 2, 3, 4, 5, 6 }, [1, 6]);
        using Tensor b = tensor(new long[] { 1, 2, 3, 9, 9, 9 }, [1, 6]);

        using Tensor logitsA = model.forward(a);
        using Tensor logitsB = model.forward(b);

        Assert.Equal([1L, 6, 64], logitsA.shape);
        Assert.True(logitsA[.., ..3].allclose(logitsB[.., ..3], rtol: 0, atol: 1e-6));
        Assert.False(logitsA[.., 3..].allclose(logitsB[.., 3..]));
    }

    [Fact]
    public void Constructor_Gpt2Init_TiesHeadAndScalesResidualProjections()
    {
        manual_seed(2);
        var options = new GptOptions { VocabularySize = 1000, ContextLength = 32, Layers = 8, Heads = 4, EmbeddingSize = 128 };
        using var model = new Gpt(options);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);

        Assert.DoesNotContain(parameters.Keys, k => k.Contains("lm_head", StringComparison.Ordinal));
        Assert.Equal(1024, parameters["wte.weight"].shape[0]);
        Assert.Equal(0.02, parameters["wte.weight"].std().item<float>(), 3);
        Assert.Equal(0.02 / Math.Sqrt(16), parameters["h.0.mlp_proj.weight"].std().item<float>(), 3);
        // 12·L·d² in the blocks plus the embeddings and LayerNorms.
        long expected = 1024 * 128 + 32 * 128 + 8 * (12L * 128 * 128 + 4 * 128) + 2 * 128;
        Assert.Equal(expected, model.ParameterCount);
    }

    [Fact]
    public void FromPreset_UnknownName_Throws() =>
        Assert.Throws<ArgumentException>(() => GptOptions.FromPreset("huge", 100));
}
