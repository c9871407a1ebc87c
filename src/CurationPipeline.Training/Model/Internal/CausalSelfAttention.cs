using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Model.Internal;

/// <summary>Multi-head causal self-attention through libtorch's fused scaled-dot-product attention.</summary>
internal sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear _qkv;
    private readonly Linear _projection;
    private readonly int _heads;
    private readonly int _width;

    public CausalSelfAttention(GptOptions options) : base(nameof(CausalSelfAttention))
    {
        _heads = options.Heads;
        _width = options.EmbeddingSize;
        _qkv = nn.Linear(_width, 3 * _width, hasBias: false);
        _projection = nn.Linear(_width, _width, hasBias: false);
        register_module("c_attn", _qkv);
        register_module("c_proj", _projection);
    }

    /// <summary>The output projection, which GPT-2 initialises with a depth-scaled standard deviation.</summary>
    public Linear Projection => _projection;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        long batch = x.shape[0], time = x.shape[1];
        Tensor[] qkv = _qkv.forward(x).split(_width, dim: 2);
        Tensor q = Heads(qkv[0]), k = Heads(qkv[1]), v = Heads(qkv[2]);
        Tensor y = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        y = y.transpose(1, 2).contiguous().view(batch, time, _width);
        return _projection.forward(y).MoveToOuterDisposeScope();

        Tensor Heads(Tensor t) => t.view(batch, time, _heads, _width / _heads).transpose(1, 2);
    }
}
