using System.Collections.Immutable;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers;

/// <summary>
/// Scores a document with several n-gram classifiers in one pass: the text is hashed once and the weights of every
/// model are interleaved per bucket, so each n-gram costs one cache line instead of one per model.
/// </summary>
/// <remarks>
/// The models must share their features: <see cref="NgramClassifier.HashBits"/>, <see cref="NgramClassifier.MaxChars"/> and the char n-grams. Scores
/// are bit-identical to each model's own <see cref="NgramClassifier.Score(ReadOnlySpan{char})"/>. Immutable and thread-safe.
/// </remarks>
public sealed class NgramClassifierSet
{
    private readonly float[] _weights; // [bucket * _outputs + offset(model) + k]
    private readonly int[] _offsets;
    private readonly int _outputs;

    /// <summary>Interleaves the models' weights.</summary>
    /// <param name="classifiers">The models, in the order <see cref="ScoreAll"/> writes their scores.</param>
    /// <exception cref="ArgumentException">No models, or they differ in hash bits, max chars or char n-grams.</exception>
    public NgramClassifierSet(IReadOnlyList<NgramClassifier> classifiers)
    {
        if (classifiers.Count == 0)
        {
            throw new ArgumentException("A set needs at least one classifier.", nameof(classifiers));
        }

        NgramClassifier first = classifiers[0];
        _offsets = new int[classifiers.Count + 1];
        for (int m = 0; m < classifiers.Count; m++)
        {
            NgramClassifier c = classifiers[m];
            if (!c.Metadata.SharesFeatures(first.Metadata))
            {
                throw new ArgumentException($"Classifier '{c.Name}' hashes other features than '{first.Name}' (hash bits, max chars or char n-grams differ).", nameof(classifiers));
            }

            _offsets[m + 1] = _offsets[m] + c.Metadata.Outputs;
        }

        _outputs = _offsets[^1];
        int buckets = 1 << first.HashBits;
        _weights = new float[buckets * _outputs];
        for (int m = 0; m < classifiers.Count; m++)
        {
            ReadOnlySpan<float> source = classifiers[m].Weights;
            int width = classifiers[m].Metadata.Outputs;
            for (int bucket = 0; bucket < buckets; bucket++)
            {
                source.Slice(bucket * width, width).CopyTo(_weights.AsSpan((bucket * _outputs) + _offsets[m], width));
            }
        }

        Classifiers = [.. classifiers];
    }

    /// <summary>The models, in score order.</summary>
    public ImmutableArray<NgramClassifier> Classifiers { get; }

    /// <summary>Scores one document with every model.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="scores">Receives one score per model, in <see cref="Classifiers"/> order.</param>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is shorter than <see cref="Classifiers"/>.</exception>
    public void ScoreAll(ReadOnlySpan<char> text, Span<double> scores)
    {
        if (scores.Length < Classifiers.Length)
        {
            throw new ArgumentException($"Needs room for {Classifiers.Length} scores.", nameof(scores));
        }

        Span<double> sums = _outputs <= 64 ? stackalloc double[_outputs] : new double[_outputs];
        NgramPooling.Pool(text, Classifiers[0].Metadata, _weights, sums);
        for (int m = 0; m < Classifiers.Length; m++)
        {
            Span<double> logits = sums[_offsets[m].._offsets[m + 1]];
            ReadOnlySpan<float> bias = Classifiers[m].Bias;
            for (int k = 0; k < logits.Length; k++)
            {
                logits[k] = bias[k] + logits[k];
            }

            scores[m] = Classifiers[m].FromLogits(logits);
        }
    }
}
