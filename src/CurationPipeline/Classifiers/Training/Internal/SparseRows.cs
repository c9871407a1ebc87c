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

    public static SparseRows Build(IReadOnlyList<LabeledText> examples, int bits, int maxChars)
    {
        var offsets = new int[examples.Count + 1];
        var buckets = new List<int>();
        var values = new List<float>();
        var scratch = new List<int>();
        for (int i = 0; i < examples.Count; i++)
        {
            ReadOnlySpan<char> text = examples[i].Text;
            if (text.Length > maxChars)
            {
                text = text[..maxChars];
            }

            scratch.Clear();
            var hasher = new NgramHasher(text, bits);
            while (hasher.MoveNext())
            {
                scratch.Add(hasher.Current);
            }

            scratch.Sort();
            float unit = scratch.Count == 0 ? 0 : 1f / scratch.Count;
            for (int j = 0; j < scratch.Count;)
            {
                int start = j;
                while (j < scratch.Count && scratch[j] == scratch[start])
                {
                    j++;
                }

                buckets.Add(scratch[start]);
                values.Add((j - start) * unit);
            }

            offsets[i + 1] = buckets.Count;
        }

        return new SparseRows(offsets, [.. buckets], [.. values]);
    }
}
