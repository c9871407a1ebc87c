using System.Collections.Immutable;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers;

/// <summary>
/// A DCLM-style linear classifier over hashed word unigrams and bigrams, optionally with character n-grams: binary
/// (sigmoid), multi-class (softmax) or regression (identity), scored from raw text without an encoder.
/// </summary>
/// <remarks>
/// The feature vector is the mean of the one-hot n-gram buckets (fastText averaging): output <c>k</c> is
/// <c>bias[k] + Σ weight[bucket][k] / n</c> over the <c>n</c> word n-grams of the first <see cref="MaxChars"/> chars;
/// a model with char n-grams adds their own mean, <c>Σ weight[bucket][k] / c</c> over the <c>c</c> char n-grams of the
/// first <see cref="CharNgramChars"/> chars; a model with <see cref="CodeLines"/> adds <c>Σ weight[bucket][k] / 4</c> over the code-line
/// indicators that fire, and one with <see cref="Arithmetic"/> the same over the arithmetic indicators.
/// Weights are float16 values (held as float32 in memory), so a saved and reloaded model scores identically.
/// Immutable and thread-safe. The file format is written by <see cref="Save(Stream)"/> and documented in
/// <c>classifiers/README.md</c>.
/// </remarks>
public sealed class NgramClassifier : IDocumentClassifier, ITrainedClassifier
{
    private readonly float[] _weights; // bucket-major: [bucket * Outputs + k]
    private readonly float[] _bias;
    private readonly int _negativeIndex;

    internal NgramClassifier(ClassifierMetadata metadata, float[] weights, float[] bias)
    {
        Metadata = metadata;
        int outputs = metadata.Outputs;
        if (bias.Length != outputs || weights.Length != (1 << metadata.HashBits) * outputs)
        {
            throw new InvalidDataException($"Classifier '{metadata.Name}': weight shape does not match {outputs} outputs of 2^{metadata.HashBits} buckets.");
        }

        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(Half)weights[i];
        }

        _weights = weights;
        _bias = bias;
        _negativeIndex = metadata.NegativeLabel is null ? -1 : metadata.Labels.IndexOf(metadata.NegativeLabel);
    }

    /// <inheritdoc/>
    public string Name => Metadata.Name;

    /// <summary>File extension of n-gram classifiers.</summary>
    public const string Extension = ".ngram";

    /// <inheritdoc/>
    public ClassifierKind Kind => Metadata.Kind;

    /// <inheritdoc/>
    public ImmutableArray<string> Labels => Metadata.Labels;

    /// <inheritdoc/>
    public string? NegativeLabel => Metadata.NegativeLabel;

    /// <inheritdoc/>
    public double Threshold => Metadata.Threshold;

    /// <inheritdoc/>
    public string Description => $"`{Name}{Extension}`: hashed word unigram+bigram{(CharNgramMax > 0 ? $" and char {CharNgramMin}–{CharNgramMax}-gram (first {CharNgramChars:N0} chars)" : "")}{(CodeLines ? " plus code-line shape indicators" : "")}{(Arithmetic ? " plus arithmetic indicators" : "")} {Kind.ToString().ToLowerInvariant()} model (2^{HashBits} buckets, float16 weights, first {MaxChars:N0} chars), format `CPNGRAM1` (classifiers/README.md); load with `ClassifierLoader.Load(path)`.";

    /// <inheritdoc/>
    public string FileExtension => Extension;

    /// <summary>Number of hash bits: the model has 2^<c>HashBits</c> buckets.</summary>
    public int HashBits => Metadata.HashBits;

    /// <summary>Only this many leading chars of a document are scored.</summary>
    public int MaxChars => Metadata.MaxChars;

    /// <summary>Shortest char n-gram among the features; 0 for a word-only model.</summary>
    public int CharNgramMin => Metadata.CharNgramMin;

    /// <summary>Longest char n-gram among the features; 0 for a word-only model.</summary>
    public int CharNgramMax => Metadata.CharNgramMax;

    /// <summary>Leading chars whose char n-grams are features (at most <see cref="MaxChars"/> matter); 0 for a word-only model.</summary>
    public int CharNgramChars => Metadata.CharNgramChars;

    /// <summary>Whether the model adds code-line shape indicators (the longest run, share and count of lines that look like code).</summary>
    public bool CodeLines => Metadata.CodeLines;

    /// <summary>Whether the arithmetic indicators (calculation lines and worked steps such as <c>48 / 2 = 24</c>) are features.</summary>
    public bool Arithmetic => Metadata.Arithmetic;

    internal ClassifierMetadata Metadata { get; }

    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<float> Bias => _bias;

    /// <inheritdoc/>
    public double Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Score(text.AsSpan());
    }

    /// <summary>Scores one document given as chars.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>Binary: P(positive); multi-class: 1 − P(negative label); regression: the predicted value.</returns>
    public double Score(ReadOnlySpan<char> text)
    {
        int outputs = _bias.Length;
        Span<double> logits = outputs <= 16 ? stackalloc double[outputs] : new double[outputs];
        Logits(text, logits);
        return FromLogits(logits);
    }

    /// <summary>The score from this model's raw outputs (overwritten for multi-class).</summary>
    internal double FromLogits(Span<double> logits)
    {
        switch (Kind)
        {
            case ClassifierKind.Binary:
                return Sigmoid(logits[0]);
            case ClassifierKind.Regression:
                return logits[0];
            default:
                Softmax(logits);
                return 1 - logits[_negativeIndex];
        }
    }

    /// <summary>Writes the probability of every label (in <see cref="Labels"/> order) for a binary or multi-class model.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="probabilities">Receives one probability per label.</param>
    /// <exception cref="InvalidOperationException">The model is a regression model.</exception>
    /// <exception cref="ArgumentException"><paramref name="probabilities"/> is shorter than <see cref="Labels"/>.</exception>
    public void ScoreLabels(ReadOnlySpan<char> text, Span<double> probabilities)
    {
        if (Kind == ClassifierKind.Regression)
        {
            throw new InvalidOperationException($"Classifier '{Name}' is a regression model and has no labels.");
        }

        if (probabilities.Length < Labels.Length)
        {
            throw new ArgumentException($"Needs room for {Labels.Length} probabilities.", nameof(probabilities));
        }

        if (Kind == ClassifierKind.Binary)
        {
            Span<double> logit = stackalloc double[1];
            Logits(text, logit);
            probabilities[1] = Sigmoid(logit[0]);
            probabilities[0] = 1 - probabilities[1];
            return;
        }

        Span<double> logits = probabilities[..Labels.Length];
        Logits(text, logits);
        Softmax(logits);
    }

    /// <summary>Returns the same model with another decision threshold.</summary>
    /// <param name="threshold">The new threshold.</param>
    /// <returns>A model sharing this one's weights.</returns>
    public NgramClassifier WithThreshold(double threshold) => new(this, Metadata with { Threshold = threshold });

    /// <summary>Writes the model in the <c>CPNGRAM1</c> format (sparse float16 weights, XxHash64 checksum).</summary>
    /// <param name="stream">The destination; left open.</param>
    public void Save(Stream stream) => NgramModelFile.Write(this, stream);

    /// <inheritdoc/>
    public void Save(string path) => ModelFile.SaveAtomically(path, Save);

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">The source.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a valid model (bad magic, header, shape or checksum).</exception>
    public static NgramClassifier Load(Stream stream) => NgramModelFile.Read(stream);

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The model path.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid model.</exception>
    public static NgramClassifier Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(stream);
    }

    internal void Logits(ReadOnlySpan<char> text, Span<double> logits)
    {
        NgramPooling.Pool(text, Metadata, _weights, logits[.._bias.Length]);
        for (int k = 0; k < _bias.Length; k++)
        {
            logits[k] = _bias[k] + logits[k];
        }
    }

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    internal static void Softmax(Span<double> logits)
    {
        double max = double.NegativeInfinity;
        foreach (double z in logits)
        {
            max = Math.Max(max, z);
        }

        double sum = 0;
        for (int k = 0; k < logits.Length; k++)
        {
            logits[k] = Math.Exp(logits[k] - max);
            sum += logits[k];
        }

        for (int k = 0; k < logits.Length; k++)
        {
            logits[k] /= sum;
        }
    }

    private NgramClassifier(NgramClassifier source, ClassifierMetadata metadata)
    {
        Metadata = metadata;
        _weights = source._weights;
        _bias = source._bias;
        _negativeIndex = source._negativeIndex;
    }
}
