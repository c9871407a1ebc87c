namespace CurationPipeline.Embeddings;

/// <summary>The arithmetic an embedding model runs in on the CPU; the CUDA provider always runs the model as it was exported.</summary>
public enum EmbeddingPrecision
{
    /// <summary>The exported graph as is (float32).</summary>
    Fp32,

    /// <summary>
    /// An int8 variant derived from the exported graph on first use and kept in the model cache (<c>int8/</c>): weights
    /// per output column, activations per token, products on the CPU's int8 kernels.
    /// </summary>
    Int8,
}
