namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>What a weight matrix does in a transformer layer, told from its shape <c>[in, out]</c>.</summary>
internal enum MatMulRole
{
    /// <summary><c>in == out</c>: the query, key, value and attention-output projections.</summary>
    Attention,

    /// <summary><c>in &lt; out</c>: the feed-forward up-projection (its input is the attention block's LayerNorm).</summary>
    FeedForwardUp,

    /// <summary><c>in &gt; out</c>: the feed-forward down-projection (its input is the GELU output).</summary>
    FeedForwardDown,
}
