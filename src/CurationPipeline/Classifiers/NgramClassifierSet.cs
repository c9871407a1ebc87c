using System.Collections.Immutable;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers;

/// <summary>
/// Scores a document with several n-gram classifiers in one pass: the text is hashed once and the weights of every
/// model are interleaved per bucket, so each n-gram costs one cache line instead of one per model.
/// </summary>
/// <remarks>
/// The models must share <see cref="NgramClassifier.HashBits"/> and <see cref="NgramClassifier.MaxChars"/>. Scores
/// are bit-identical to each model's own <see cref="NgramClassifier.Score(ReadOnlySpan{char})"/>. Immutable and thread-safe.
/// </remarks>
public sealed class NgramClassifierSet
{
    private readonly float[] _weights; // [bucket * _outputs + offset(model) + k]
    private readonly int[] _offsets;
    private readonly int _outputs;

    /// <summary>Interleaves the models' weights.</summary>
    /// <param name="classifiers">The models, in the order <see cref="ScoreAll"/> writes their scores.</param>
    /// <exception cref="ArgumentException">No models, or they differ in hash bits or max chars.</exception>
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
            if (c.HashBits != first.HashBits || c.MaxChars != first.MaxChars)
            {
                throw new ArgumentException($"Classifier '{c.Name}' has 2^{c.HashBits} buckets and {c.MaxChars} chars; '{first.Name}' has 2^{first.HashBits} and {first.MaxChars}.", nameof(classifiers));
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

        NgramClassifier first = Classifiers[0];
        if (text.Length > first.MaxChars)
        {
            text = text[..first.MaxChars];
        }

        Span<double> sums = _outputs <= 64 ? stackalloc double[_outputs] : new double[_outputs];
        sums.Clear();
        int count = 0;
        float[] weights = _weights;
        var hasher = new NgramHasher(text, first.HashBits);
        while (hasher.MoveNext())
        {
            int row = hasher.Current * _outputs;
            for (int k = 0; k < sums.Length; k++)
            {
                sums[k] += weights[row + k];
            }

            count++;
        }

        double scale = count == 0 ? 0 : 1.0 / count;
        for (int m = 0; m < Classifiers.Length; m++)
        {
            Span<double> logits = sums[_offsets[m].._offsets[m + 1]];
            ReadOnlySpan<float> bias = Classifiers[m].Bias;
            for (int k = 0; k < logits.Length; k++)
            {
                logits[k] = bias[k] + (logits[k] * scale);
            }

            scores[m] = Classifiers[m].FromLogits(logits);
        }
    }
}
