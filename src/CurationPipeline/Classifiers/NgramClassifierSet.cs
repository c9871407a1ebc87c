using System.Collections.Immutable;
using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Classifiers;

/// <summary>
/// Scores a document with several n-gram classifiers in one pass: the text is hashed once and the weights of every
/// model are interleaved per bucket, so each n-gram costs one cache line instead of one per model.
/// </summary>
/// <remarks>
/// The models must share their word features (<see cref="NgramClassifier.HashBits"/>, <see cref="NgramClassifier.MaxChars"/>); those with
/// char n-grams must use the same ones, which are then hashed once and added only to their scores (code-line indicators likewise). Scores are bit-identical to
/// each model's own <see cref="NgramClassifier.Score(ReadOnlySpan{char})"/>. Immutable and thread-safe.
/// </remarks>
public sealed class NgramClassifierSet
{
    private readonly float[] _weights; // [bucket * _outputs + offset(model) + k]
    private readonly int[] _offsets;
    private readonly int _outputs;
    private readonly ClassifierMetadata _features; // a member with char n-grams if any: the features one pass hashes
    private readonly bool[] _charColumns; // per weight column: whether its model adds the char n-grams' mean
    private readonly bool[] _codeLineColumns; // per weight column: whether its model adds the code-line indicators
    private readonly bool[] _arithmeticColumns; // per weight column: whether its model adds the arithmetic indicators

    /// <summary>Interleaves the models' weights.</summary>
    /// <param name="classifiers">The models, in the order <see cref="ScoreAll"/> writes their scores.</param>
    /// <exception cref="ArgumentException">No models, or they differ in hash bits or max chars, or two use different char n-grams.</exception>
    public NgramClassifierSet(IReadOnlyList<NgramClassifier> classifiers)
    {
        if (classifiers.Count == 0)
        {
            throw new ArgumentException("A set needs at least one classifier.", nameof(classifiers));
        }

        NgramClassifier first = classifiers[0];
        _features = FeaturesOf(classifiers);
        _offsets = new int[classifiers.Count + 1];
        for (int m = 0; m < classifiers.Count; m++)
        {
            NgramClassifier c = classifiers[m];
            if (!c.Metadata.FitsFeaturesOf(_features))
            {
                throw new ArgumentException($"Classifier '{c.Name}' hashes other features than '{first.Name}' (hash bits, max chars or char n-grams differ).", nameof(classifiers));
            }

            _offsets[m + 1] = _offsets[m] + c.Metadata.Outputs;
        }

        _outputs = _offsets[^1];
        _charColumns = new bool[_outputs];
        _codeLineColumns = new bool[_outputs];
        _arithmeticColumns = new bool[_outputs];
        for (int m = 0; m < classifiers.Count; m++)
        {
            _charColumns.AsSpan(_offsets[m], classifiers[m].Metadata.Outputs).Fill(classifiers[m].Metadata.CharNgramMax > 0);
            _codeLineColumns.AsSpan(_offsets[m], classifiers[m].Metadata.Outputs).Fill(classifiers[m].Metadata.CodeLines);
            _arithmeticColumns.AsSpan(_offsets[m], classifiers[m].Metadata.Outputs).Fill(classifiers[m].Metadata.Arithmetic);
        }

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

    /// <summary>
    /// The positions of the models one set can score with the first n-gram model among <paramref name="classifiers"/>: the same
    /// word features, and char n-grams equal to the first such model's or none.
    /// </summary>
    /// <param name="classifiers">Any classifiers; only <see cref="NgramClassifier"/>s are considered.</param>
    /// <returns>Their indexes, in order; empty when there is no n-gram model.</returns>
    public static int[] Members(IReadOnlyList<IDocumentClassifier> classifiers)
    {
        NgramClassifier[] ngrams = [.. classifiers.OfType<NgramClassifier>()];
        if (ngrams.Length == 0)
        {
            return [];
        }

        ClassifierMetadata words = ngrams[0].Metadata;
        ClassifierMetadata features = FeaturesOf([.. ngrams.Where(c => c.HashBits == words.HashBits && c.MaxChars == words.MaxChars)]);
        return [.. Enumerable.Range(0, classifiers.Count).Where(i => classifiers[i] is NgramClassifier c && c.Metadata.FitsFeaturesOf(features))];
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
        NgramPooling.Pool(text, _features, _weights, sums, _charColumns, _codeLineColumns, _arithmeticColumns);
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

    /// <summary>The features one pass computes: a member's char n-grams if any has them, code-line indicators if any uses them.</summary>
    private static ClassifierMetadata FeaturesOf(IReadOnlyList<NgramClassifier> classifiers) =>
        (classifiers.FirstOrDefault(c => c.Metadata.CharNgramMax > 0)?.Metadata ?? classifiers[0].Metadata) with { CodeLines = classifiers.Any(c => c.Metadata.CodeLines), Arithmetic = classifiers.Any(c => c.Metadata.Arithmetic) };
}
