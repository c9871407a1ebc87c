namespace CurationPipeline.Embeddings;

/// <summary>Configuration of a <see cref="TextEmbedder"/>.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="ModelDirectory"/></term><description><c>null</c>: the offline <see cref="DefaultEmbeddingModel"/></description></item>
/// <item><term><see cref="ModelCacheDirectory"/></term><description><c>null</c>: <see cref="DefaultEmbeddingModel.DefaultCacheRoot"/></description></item>
/// <item><term><see cref="MaxTokens"/></term><description>256</description></item>
/// <item><term><see cref="BatchSize"/></term><description>0: 4 on the CPU, 32 on CUDA</description></item>
/// <item><term><see cref="SortWindowBatches"/></term><description>8</description></item>
/// <item><term><see cref="QueueCapacityBatches"/></term><description>4</description></item>
/// <item><term><see cref="ParallelRuns"/></term><description>0: one per processor on the CPU, 1 on CUDA</description></item>
/// <item><term><see cref="IntraOpThreads"/></term><description>0: processor count / parallel runs (1 on the CPU by default)</description></item>
/// <item><term><see cref="Precision"/></term><description><see cref="EmbeddingPrecision.Int8"/> (CPU only)</description></item>
/// <item><term><see cref="UseCuda"/></term><description><c>true</c></description></item>
/// <item><term><see cref="CudaDeviceId"/></term><description>0</description></item>
/// <item><term><see cref="LowerCase"/></term><description><c>true</c></description></item>
/// </list>
/// </remarks>
public sealed record EmbeddingOptions
{
    /// <summary>A directory with <c>model.onnx</c> and a tokenizer vocabulary (see <see cref="EmbeddingModelFiles"/>); <c>null</c> for the default model.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Where the default model is extracted; <c>null</c> for <see cref="DefaultEmbeddingModel.DefaultCacheRoot"/>.</summary>
    public string? ModelCacheDirectory { get; init; }

    /// <summary>Tokens per document, special tokens included; longer documents are truncated (counted, not rejected).</summary>
    /// <remarks>Must not exceed the model's position table (512 for BERT and RoBERTa base models).</remarks>
    public int MaxTokens { get; init; } = 256;

    /// <summary>Documents per model call; 0 picks 4 on the CPU and 32 on CUDA.</summary>
    /// <remarks>On the CPU a small batch keeps a layer's activations in cache between its many element-wise passes (see README, "Embedding models").</remarks>
    public int BatchSize { get; init; }

    /// <summary>How many batches' worth of documents are tokenized and sorted by length before being cut into batches (less padding).</summary>
    public int SortWindowBatches { get; init; } = 8;

    /// <summary>Tokenized batches that may wait for the model; bounds memory and lets tokenization run ahead of the model.</summary>
    public int QueueCapacityBatches { get; init; } = 4;

    /// <summary>Model calls in flight at once (one session, thread-safe <c>Run</c>); 0 picks one per processor on the CPU and 1 on CUDA.</summary>
    /// <remarks>
    /// On the CPU, N runs × 1 thread beat 1 run × N threads: most of the int8 graph's nodes are small element-wise passes, and each
    /// one split across threads ends in a barrier (on 2 cores, with batches of 4, 2.0× the docs/s of 1 run × 2 threads at batch 32;
    /// README, "Embedding models").
    /// Each run holds one batch's activations, so memory grows with the count.
    /// </remarks>
    public int ParallelRuns { get; init; }

    /// <summary>ONNX Runtime intra-op threads per run; 0 divides the processor count among the parallel runs.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>The arithmetic on the CPU: <see cref="EmbeddingPrecision.Int8"/> runs a variant derived once into the model cache; CUDA always runs the exported graph.</summary>
    /// <remarks>
    /// Int8 is the default because on real text it changes pairwise cosines by at most 0.01 at the 99th percentile against
    /// float32 (the semantic-dedup bar; tests check it) while running faster; <see cref="EmbeddingPrecision.Fp32"/> gives the exported model's exact vectors.
    /// </remarks>
    public EmbeddingPrecision Precision { get; init; } = EmbeddingPrecision.Int8;

    /// <summary>Try the CUDA execution provider first; on failure the embedder falls back to CPU and logs it once.</summary>
    public bool UseCuda { get; init; } = true;

    /// <summary>The CUDA device ordinal.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Lower-case text before WordPiece tokenization (uncased BERT models such as the default); ignored for byte-level BPE.</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 3, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfNegative(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(SortWindowBatches, 1, nameof(SortWindowBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacityBatches, 1, nameof(QueueCapacityBatches));
        ArgumentOutOfRangeException.ThrowIfNegative(ParallelRuns, nameof(ParallelRuns));
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads, nameof(IntraOpThreads));
        ArgumentOutOfRangeException.ThrowIfNegative(CudaDeviceId, nameof(CudaDeviceId));
        if (!Enum.IsDefined(Precision))
        {
            throw new ArgumentOutOfRangeException(nameof(Precision), Precision, "Expected Fp32 or Int8.");
        }
    }
}
