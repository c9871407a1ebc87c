using CurationPipeline.Training.Model.Internal;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CurationPipeline.Training.Model;

/// <summary>A GPT-2-style decoder-only language model: token and position embeddings, pre-LayerNorm blocks with causal
/// scaled-dot-product attention and a GELU MLP, a final LayerNorm, and an LM head tied to the token embedding.</summary>
/// <remarks>
/// Initialisation follows GPT-2/nanoGPT: every matrix N(0, 0.02), the two residual projections of each block
/// N(0, 0.02/√(2·layers)), LayerNorms at one/zero. Call <c>torch.manual_seed</c> before construction for a reproducible model.
/// </remarks>
public sealed class Gpt : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _tokenEmbedding;
    private readonly Embedding _positionEmbedding;
    private readonly ModuleList<TransformerBlock> _blocks;
    private readonly LayerNorm _finalNorm;

    /// <summary>Builds a freshly initialised model.</summary>
    /// <param name="options">The shape; validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="options"/> is out of range.</exception>
    public Gpt(GptOptions options) : base(nameof(Gpt))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _tokenEmbedding = nn.Embedding(options.PaddedVocabularySize, options.EmbeddingSize);
        _positionEmbedding = nn.Embedding(options.ContextLength, options.EmbeddingSize);
        var blocks = new TransformerBlock[options.Layers];
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new TransformerBlock(options);
        }

        _blocks = new ModuleList<TransformerBlock>(blocks);
        _finalNorm = nn.LayerNorm(options.EmbeddingSize);
        register_module("wte", _tokenEmbedding);
        register_module("wpe", _positionEmbedding);
        register_module("h", _blocks);
        register_module("ln_f", _finalNorm);
        Initialise(blocks);
    }

    /// <summary>The shape this model was built with.</summary>
    public GptOptions Options { get; }

    /// <summary>The number of trainable parameters (the tied head counted once).</summary>
    public long ParameterCount
    {
        get
        {
            long count = 0;
            foreach (var parameter in parameters())
            {
                count += parameter.numel();
            }

            return count;
        }
    }

    /// <summary>Model FLOPs per trained token (forward + backward): 6·N + 12·L·d·T (PaLM appendix B, as nanoGPT's MFU).</summary>
    /// <param name="sequenceLength">The trained window length T.</param>
    public double TrainingFlopsPerToken(int sequenceLength) =>
        6.0 * ParameterCount + 12.0 * Options.Layers * Options.EmbeddingSize * sequenceLength;

    /// <summary>Logits for every position.</summary>
    /// <param name="tokens">Token ids, int64, shape [batch, time] with time ≤ <see cref="GptOptions.ContextLength"/>.</param>
    /// <returns>Logits, shape [batch, time, padded vocabulary].</returns>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        long time = tokens.shape[1];
        Tensor positions = arange(time, dtype: ScalarType.Int64, device: tokens.device);
        Tensor x = _tokenEmbedding.forward(tokens) + _positionEmbedding.forward(positions);
        foreach (var block in _blocks)
        {
            x = block.forward(x);
        }

        x = _finalNorm.forward(x);
        return nn.functional.linear(x, _tokenEmbedding.weight!).MoveToOuterDisposeScope();
    }

    /// <summary>Mean next-token cross-entropy (nats) of a batch of windows of <c>time + 1</c> tokens.</summary>
    /// <param name="window">Token ids, int64, shape [batch, time + 1].</param>
    public Tensor Loss(Tensor window)
    {
        ArgumentNullException.ThrowIfNull(window);
        using var scope = NewDisposeScope();
        Tensor inputs = window[.., ..^1];
        Tensor targets = window[.., 1..];
        Tensor logits = forward(inputs);
        Tensor loss = nn.functional.cross_entropy(logits.view(-1, logits.shape[2]), targets.reshape(-1));
        return loss.MoveToOuterDisposeScope();
    }

    private void Initialise(TransformerBlock[] blocks)
    {
        using var noGrad = no_grad();
        foreach (var parameter in parameters())
        {
            if (parameter.dim() >= 2)
            {
                nn.init.normal_(parameter, 0.0, 0.02);
            }
        }

        double residualStd = 0.02 / Math.Sqrt(2.0 * blocks.Length);
        foreach (var block in blocks)
        {
            foreach (var projection in block.ResidualProjections)
            {
                nn.init.normal_(projection.weight!, 0.0, residualStd);
            }
        }
    }
}
