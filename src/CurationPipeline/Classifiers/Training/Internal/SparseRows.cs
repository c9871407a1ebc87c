using CurationPipeline.Classifiers.Internal;
namespace CurationPipeline.Classifiers.Training.Internal;

/// <summary>The training examples as sparse rows: distinct buckets (ascending) with their mean-pooled counts.</summary>
internal sealed class SparseRows
{
    private readonly int[] _offsets;
    private readonly int[] _buckets;
    private readonly float[] _values;

    private SparseRows(int[] offsets, int[] buckets, float[] values)
    {
        _offsets = offsets;
        _buckets = buckets;
        _values = values;
    }

    public ReadOnlySpan<int> Buckets(int row) => _buckets.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    public ReadOnlySpan<float> Values(int row) => _values.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    /// <summary>Featurizes every example as the scorer does (<see cref="NgramPooling"/>): each group's counts divided by its own size (code-line and arithmetic indicators: a fixed value each).</summary>
    public static SparseRows Build(IReadOnlyList<LabeledText> examples, ClassifierMetadata m)
    {
        var offsets = new int[examples.Count + 1];
        var buckets = new List<int>();
        var values = new List<float>();
        var words = new List<int>();
        var chars = new List<int>();
        var row = new SortedDictionary<int, (int Words, int Chars, int Indicators)>();
        Span<int> batch = stackalloc int[256];
        for (int i = 0; i < examples.Count; i++)
        {
            ReadOnlySpan<char> text = examples[i].Text;
            if (text.Length > m.MaxChars)
            {
                text = text[..m.MaxChars];
            }

            words.Clear();
            var hasher = new NgramHasher(text, m.HashBits);
            while (hasher.MoveNext())
            {
                words.Add(hasher.Current);
            }

            chars.Clear();
            if (m.CharNgramMax > 0)
            {
                var charHasher = new CharNgramHasher(text.Length > m.CharNgramChars ? text[..m.CharNgramChars] : text, m.HashBits, m.CharNgramMin, m.CharNgramMax);
                for (int n; (n = charHasher.Fill(batch)) > 0;)
                {
                    chars.AddRange(batch[..n]);
                }
            }

            int indicators = m.CodeLines ? CodeLineFeatures.Fill(text, 64 - m.HashBits, batch) : 0;
            indicators += m.Arithmetic ? ArithmeticFeatures.Fill(text, 64 - m.HashBits, batch[indicators..]) : 0;
            row.Clear();
            foreach (int bucket in words)
            {
                row[bucket] = row.GetValueOrDefault(bucket) with { Words = row.GetValueOrDefault(bucket).Words + 1 };
            }

            foreach (int bucket in chars)
            {
                row[bucket] = row.GetValueOrDefault(bucket) with { Chars = row.GetValueOrDefault(bucket).Chars + 1 };
            }

            foreach (int bucket in batch[..indicators])
            {
                row[bucket] = row.GetValueOrDefault(bucket) with { Indicators = row.GetValueOrDefault(bucket).Indicators + 1 };
            }

            float wordUnit = words.Count == 0 ? 0 : 1f / words.Count;
            float charUnit = chars.Count == 0 ? 0 : 1f / chars.Count;
            foreach ((int bucket, (int w, int c, int l)) in row)
            {
                float value = c == 0 ? w * wordUnit : (w * wordUnit) + (c * charUnit);
                buckets.Add(bucket);
                values.Add(l == 0 ? value : value + (l * ThermometerIndicators.Value));
            }

            offsets[i + 1] = buckets.Count;
        }

        return new SparseRows(offsets, [.. buckets], [.. values]);
    }
}
