using System.Collections.Immutable;
using System.Numerics.Tensors;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers;

/// <summary>
/// A small head on a document embedding, linear or with one ReLU hidden layer: binary (sigmoid), multi-class (softmax) or
/// regression (identity); four linear heads cost four dot products of the embedding the pipeline already has, not four
/// encoder passes.
/// </summary>
/// <remarks>Immutable and thread-safe. File format <c>CPHEAD01</c> (classifiers/README.md): float32 biases and weights.</remarks>
public sealed class EmbeddingHead : IEmbeddingClassifier, ITrainedClassifier
{
    /// <summary>File extension of embedding heads.</summary>
    public const string Extension = ".head";

    private const int MaxStackHidden = 1024;

    private readonly float[] _weights; // output-major: [k * inputs + i], inputs = hidden units or Dimension
    private readonly float[] _bias;
    private readonly float[] _hiddenWeights; // unit-major: [h * Dimension + d]; empty for a linear head
    private readonly float[] _hiddenBias;
    private readonly int _negativeIndex;

    internal EmbeddingHead(ClassifierMetadata metadata, float[] weights, float[] bias, float[]? hiddenWeights = null, float[]? hiddenBias = null)
    {
        hiddenWeights ??= [];
        hiddenBias ??= [];
        long inputs = metadata.Hidden > 0 ? metadata.Hidden : metadata.Dimension;
        if (metadata.Dimension <= 0 || metadata.Hidden < 0 || bias.Length != metadata.Outputs || weights.Length != metadata.Outputs * inputs
            || hiddenBias.Length != metadata.Hidden || hiddenWeights.Length != (long)metadata.Hidden * metadata.Dimension)
        {
            throw new InvalidDataException($"Embedding head '{metadata.Name}': weight shapes do not match {metadata.Outputs} outputs, {metadata.Hidden} hidden units and dimension {metadata.Dimension}.");
        }

        Metadata = metadata;
        _weights = weights;
        _bias = bias;
        _hiddenWeights = hiddenWeights;
        _hiddenBias = hiddenBias;
        _negativeIndex = metadata.NegativeLabel is null ? -1 : metadata.Labels.IndexOf(metadata.NegativeLabel);
    }

    /// <inheritdoc/>
    public string Name => Metadata.Name;

    /// <inheritdoc/>
    public int Dimension => Metadata.Dimension;

    /// <inheritdoc/>
    public string EmbeddingModel => Metadata.EmbeddingModel ?? "";

    /// <inheritdoc/>
    public ClassifierKind Kind => Metadata.Kind;

    /// <inheritdoc/>
    public ImmutableArray<string> Labels => Metadata.Labels;

    /// <inheritdoc/>
    public string? NegativeLabel => Metadata.NegativeLabel;

    /// <inheritdoc/>
    public double Threshold => Metadata.Threshold;

    /// <inheritdoc/>
    public string Description => $"`{Name}{Extension}`: {(Hidden > 0 ? $"{Hidden}-unit ReLU MLP" : "linear")} {Kind.ToString().ToLowerInvariant()} head on {Dimension}-d `{EmbeddingModel}` embeddings, format `CPHEAD01` (classifiers/README.md); load with `ClassifierLoader.LoadHead(path)`.";

    /// <inheritdoc/>
    public string FileExtension => Extension;

    /// <summary>ReLU units of the hidden layer; 0 for a linear head.</summary>
    public int Hidden => Metadata.Hidden;

    internal ClassifierMetadata Metadata { get; }

    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<float> Bias => _bias;

    internal ReadOnlySpan<float> HiddenWeights => _hiddenWeights;

    internal ReadOnlySpan<float> HiddenBias => _hiddenBias;

    /// <inheritdoc/>
    public double Score(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != Dimension)
        {
            throw new ArgumentException($"Head '{Name}' expects {Dimension} floats, got {embedding.Length}.", nameof(embedding));
        }

        if (Hidden == 0)
        {
            return ScoreOutputs(embedding);
        }

        Span<float> hidden = Hidden <= MaxStackHidden ? stackalloc float[Hidden] : new float[Hidden];
        for (int h = 0; h < hidden.Length; h++)
        {
            hidden[h] = MathF.Max(0, _hiddenBias[h] + TensorPrimitives.Dot(_hiddenWeights.AsSpan(h * Dimension, Dimension), embedding));
        }

        return ScoreOutputs(hidden);
    }

    /// <summary>Returns the same head with another decision threshold.</summary>
    /// <param name="threshold">The new threshold.</param>
    /// <returns>A head sharing this one's weights.</returns>
    public EmbeddingHead WithThreshold(double threshold) => new(Metadata with { Threshold = threshold }, _weights, _bias, _hiddenWeights, _hiddenBias);

    /// <summary>The output layer over its inputs (the embedding, or the hidden units) and the kind's link.</summary>
    private double ScoreOutputs(ReadOnlySpan<float> inputs)
    {
        int outputs = _bias.Length;
        if (outputs == 1)
        {
            double z = _bias[0] + TensorPrimitives.Dot(_weights, inputs);
            return Kind == ClassifierKind.Binary ? NgramClassifier.Sigmoid(z) : z;
        }

        Span<double> logits = outputs <= 16 ? stackalloc double[outputs] : new double[outputs];
        for (int k = 0; k < outputs; k++)
        {
            logits[k] = _bias[k] + TensorPrimitives.Dot(_weights.AsSpan(k * inputs.Length, inputs.Length), inputs);
        }

        NgramClassifier.Softmax(logits);
        return 1 - logits[_negativeIndex];
    }

    /// <summary>Writes the head in the <c>CPHEAD01</c> format.</summary>
    /// <param name="stream">The destination; left open.</param>
    public void Save(Stream stream) => HeadModelFile.Write(this, stream);

    /// <inheritdoc/>
    public void Save(string path) => ModelFile.SaveAtomically(path, Save);

    /// <summary>Reads a head written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">The source.</param>
    /// <returns>The head.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a valid head.</exception>
    public static EmbeddingHead Load(Stream stream) => HeadModelFile.Read(stream);
}
