namespace CurationPipeline.Classifiers;

/// <summary>Configuration of a plug-in ONNX sequence classifier (a Hugging Face <c>*ForSequenceClassification</c> model exported to ONNX).</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Name"/></term><description>required: the signal column</description></item>
/// <item><term><see cref="ModelPath"/></term><description>required: the <c>.onnx</c> file; inputs <c>input_ids</c> (+ optional <c>attention_mask</c>, <c>token_type_ids</c>), int64 [batch, sequence]; output float [batch, labels]</description></item>
/// <item><term><see cref="TokenizerDirectory"/></term><description><c>null</c>: the model's folder; holds <c>vocab.txt</c> (BERT family) or <c>vocab.json</c> + <c>merges.txt</c> (RoBERTa family)</description></item>
/// <item><term><see cref="OutputKind"/></term><description><see cref="OnnxOutputKind.Regression"/></description></item>
/// <item><term><see cref="LabelIndex"/></term><description>0: the logit (or class) the score is about</description></item>
/// <item><term><see cref="OutputName"/></term><description><c>null</c>: the graph's first output</description></item>
/// <item><term><see cref="MaxTokens"/></term><description>512, special tokens included; longer texts are truncated</description></item>
/// <item><term><see cref="LowerCase"/></term><description><c>true</c> (uncased BERT models); set <c>false</c> for cased ones</description></item>
/// <item><term><see cref="IntraOpThreads"/></term><description>1: one thread per call, so the pipeline's workers give the parallelism</description></item>
/// <item><term><see cref="BatchSize"/></term><description>32: most documents the pipeline hands the model per call (1 scores one by one)</description></item>
/// <item><term><see cref="BatchTokens"/></term><description>512: most tokens per call; documents this long or longer run alone</description></item>
/// </list>
/// </remarks>
public sealed record OnnxClassifierOptions
{
    /// <summary>The classifier name.</summary>
    public required string Name { get; init; }

    /// <summary>The ONNX model file.</summary>
    public required string ModelPath { get; init; }

    /// <summary>The tokenizer folder, or <c>null</c> for the model's folder.</summary>
    public string? TokenizerDirectory { get; init; }

    /// <summary>How logits become the score.</summary>
    public OnnxOutputKind OutputKind { get; init; } = OnnxOutputKind.Regression;

    /// <summary>The logit or class the score is about.</summary>
    public int LabelIndex { get; init; }

    /// <summary>The output to read, or <c>null</c> for the first.</summary>
    public string? OutputName { get; init; }

    /// <summary>Most tokens fed to the model.</summary>
    public int MaxTokens { get; init; } = 512;

    /// <summary>Whether a WordPiece tokenizer lower-cases first.</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>ONNX Runtime intra-op threads per call.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Most documents per model call in a pipeline; documents of equal token length share one run, without padding.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Most tokens per model call. On a CPU a batch pays off only where the per-call overhead is large against the compute
    /// (short documents: 1.3–1.6× at 16 tokens per document, even at 64, a loss at 128 and more: <c>bench classify-onnx</c>).
    /// </summary>
    public int BatchTokens { get; init; } = 512;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException"><see cref="Name"/> or <see cref="ModelPath"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Name, nameof(Name));
        ArgumentException.ThrowIfNullOrEmpty(ModelPath, nameof(ModelPath));
        ArgumentOutOfRangeException.ThrowIfNegative(LabelIndex, nameof(LabelIndex));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 2, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(IntraOpThreads, nameof(IntraOpThreads));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchTokens, nameof(BatchTokens));
    }
}
