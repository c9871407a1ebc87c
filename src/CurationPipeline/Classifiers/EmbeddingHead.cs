using System.Collections.Immutable;
using System.Numerics.Tensors;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers;

/// <summary>
/// A linear head on a document embedding: binary (sigmoid), multi-class (softmax) or regression (identity); four heads
/// cost four dot products of the embedding the pipeline already has, not four encoder passes.
/// </summary>
/// <remarks>Immutable and thread-safe. File format <c>CPHEAD01</c> (classifiers/README.md): float32 biases and weights, output-major.</remarks>
public sealed class EmbeddingHead : IEmbeddingClassifier, ITrainedClassifier
{
    /// <summary>File extension of embedding heads.</summary>
    public const string Extension = ".head";

    private readonly float[] _weights; // output-major: [k * Dimension + d]
    private readonly float[] _bias;
    private readonly int _negativeIndex;

    internal EmbeddingHead(ClassifierMetadata metadata, float[] weights, float[] bias)
    {
        if (metadata.Dimension <= 0 || bias.Length != metadata.Outputs || weights.Length != metadata.Outputs * metadata.Dimension)
        {
            throw new InvalidDataException($"Embedding head '{metadata.Name}': weight shape does not match {metadata.Outputs} outputs of dimension {metadata.Dimension}.");
        }

        Metadata = metadata;
        _weights = weights;
        _bias = bias;
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
    public string Description => $"`{Name}{Extension}`: linear {Kind.ToString().ToLowerInvariant()} head on {Dimension}-d `{EmbeddingModel}` embeddings, format `CPHEAD01` (classifiers/README.md); load with `ClassifierLoader.LoadHead(path)`.";

    /// <inheritdoc/>
    public string FileExtension => Extension;

    internal ClassifierMetadata Metadata { get; }

    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<float> Bias => _bias;

    /// <inheritdoc/>
    public double Score(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != Dimension)
        {
            throw new ArgumentException($"Head '{Name}' expects {Dimension} floats, got {embedding.Length}.", nameof(embedding));
        }

        int outputs = _bias.Length;
        if (outputs == 1)
        {
            double z = _bias[0] + TensorPrimitives.Dot(_weights, embedding);
            return Kind == ClassifierKind.Binary ? NgramClassifier.Sigmoid(z) : z;
        }

        Span<double> logits = outputs <= 16 ? stackalloc double[outputs] : new double[outputs];
        for (int k = 0; k < outputs; k++)
        {
            logits[k] = _bias[k] + TensorPrimitives.Dot(_weights.AsSpan(k * Dimension, Dimension), embedding);
        }

        NgramClassifier.Softmax(logits);
        return 1 - logits[_negativeIndex];
    }

    /// <summary>Returns the same head with another decision threshold.</summary>
    /// <param name="threshold">The new threshold.</param>
    /// <returns>A head sharing this one's weights.</returns>
    public EmbeddingHead WithThreshold(double threshold) => new(Metadata with { Threshold = threshold }, _weights, _bias);

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
