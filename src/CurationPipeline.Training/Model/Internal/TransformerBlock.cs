using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Model.Internal;

/// <summary>One pre-LayerNorm block: x + attn(ln_1(x)), then x + mlp(ln_2(x)) with a 4x GELU MLP.</summary>
internal sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm _ln1;
    private readonly CausalSelfAttention _attention;
    private readonly LayerNorm _ln2;
    private readonly Linear _fc;
    private readonly GELU _gelu;
    private readonly Linear _mlpProjection;

    public TransformerBlock(GptOptions options) : base(nameof(TransformerBlock))
    {
        int width = options.EmbeddingSize;
        _ln1 = nn.LayerNorm(width);
        _attention = new CausalSelfAttention(options);
        _ln2 = nn.LayerNorm(width);
        _fc = nn.Linear(width, 4 * width, hasBias: false);
        _gelu = nn.GELU();
        _mlpProjection = nn.Linear(4 * width, width, hasBias: false);
        register_module("ln_1", _ln1);
        register_module("attn", _attention);
        register_module("ln_2", _ln2);
        register_module("mlp_fc", _fc);
        register_module("mlp_gelu", _gelu);
        register_module("mlp_proj", _mlpProjection);
    }

    /// <summary>The two projections into the residual stream (attention output and MLP output).</summary>
    public IEnumerable<Linear> ResidualProjections => [_attention.Projection, _mlpProjection];

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        Tensor h = x + _attention.forward(_ln1.forward(x));
        Tensor y = h + _mlpProjection.forward(_gelu.forward(_fc.forward(_ln2.forward(h))));
        return y.MoveToOuterDisposeScope();
    }
}
