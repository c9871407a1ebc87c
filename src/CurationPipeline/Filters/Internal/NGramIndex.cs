using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using CurationPipeline.Filters.Text;

namespace CurationPipeline.Filters.Internal;

/// <summary>
/// The words of one text and exact n-gram statistics over them (datatrove's <c>find_top_duplicate</c> and <c>find_all_duplicate</c>).
/// An n-gram is the word index it starts at; equality compares the n words (hash first, then text), so results are exact.
/// Word offsets live in pooled arrays: dispose to return them.
/// </summary>
internal sealed class NGramIndex : IEqualityComparer<int>, IDisposable
{
    private readonly string _text;
    private int[] _starts;
    private int[] _lengths;
    private ulong[] _wordHashes;
    private ulong[] _gramHashes;
    private int _n;

    public NGramIndex(string text)
    {
        _text = text;
        _starts = ArrayPool<int>.Shared.Rent(64);
        _lengths = ArrayPool<int>.Shared.Rent(64);
        int count = 0;
        var words = new WordEnumerator(text);
        while (words.MoveNext())
        {
            if (count == _starts.Length)
            {
                Grow(ref _starts, count);
                Grow(ref _lengths, count);
            }

            _starts[count] = words.CurrentStart;
            _lengths[count] = words.Current.Length;
            count++;
        }

        WordCount = count;
        _wordHashes = ArrayPool<ulong>.Shared.Rent(Math.Max(count, 1));
        _gramHashes = ArrayPool<ulong>.Shared.Rent(Math.Max(count, 1));
        for (int i = 0; i < count; i++)
        {
            _wordHashes[i] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan(_starts[i], _lengths[i])));
        }
    }

    public int WordCount { get; }

    /// <summary>Length × count of the most frequent n-gram (first seen wins ties), as datatrove's <c>Counter.most_common(1)</c>; 0 without n-grams.</summary>
    public long TopNGramChars(int n)
    {
        int grams = Prepare(n);
        if (grams <= 0)
        {
            return 0;
        }

        var counts = new Dictionary<int, int>(grams, this);
        for (int i = 0; i < grams; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, i, out _)++;
        }

        int bestStart = 0, bestCount = 0;
        foreach ((int start, int count) in counts)
        {
            if (count > bestCount)
            {
                bestCount = count;
                bestStart = start;
            }
        }

        return GramLength(bestStart) * (long)bestCount;
    }

    /// <summary>datatrove's <c>find_all_duplicate</c>: scan left to right; a repeated n-gram adds its length and jumps n words.</summary>
    public long DuplicateNGramChars(int n)
    {
        int grams = Prepare(n);
        if (grams <= 0)
        {
            return 0;
        }

        var unique = new HashSet<int>(grams, this);
        long repeated = 0;
        int idx = 0;
        while (idx < grams)
        {
            if (unique.Contains(idx))
            {
                repeated += GramLength(idx);
                idx += n;
            }
            else
            {
                unique.Add(idx);
                idx++;
            }
        }

        return repeated;
    }

    public bool Equals(int x, int y)
    {
        if (_gramHashes[x] != _gramHashes[y])
        {
            return false;
        }

        for (int k = 0; k < _n; k++)
        {
            if (!_text.AsSpan(_starts[x + k], _lengths[x + k]).SequenceEqual(_text.AsSpan(_starts[y + k], _lengths[y + k])))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(int start) => (int)(_gramHashes[start] ^ (_gramHashes[start] >> 32));

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_lengths);
        ArrayPool<ulong>.Shared.Return(_wordHashes);
        ArrayPool<ulong>.Shared.Return(_gramHashes);
        _starts = _lengths = [];
        _wordHashes = _gramHashes = [];
    }

    /// <summary>The length of <c>" ".join(words[start:start+n])</c>.</summary>
    private long GramLength(int start)
    {
        long length = _n - 1;
        for (int k = 0; k < _n; k++)
        {
            length += _lengths[start + k];
        }

        return length;
    }

    private int Prepare(int n)
    {
        _n = n;
        int grams = WordCount - n + 1;
        for (int i = 0; i < grams; i++)
        {
            ulong h = 0xCBF29CE484222325UL;
            for (int k = 0; k < n; k++)
            {
                h = (h ^ _wordHashes[i + k]) * 0x100000001B3UL;
                h ^= h >> 29;
            }

            _gramHashes[i] = h;
        }

        return grams;
    }

    private static void Grow(ref int[] array, int count)
    {
        int[] bigger = ArrayPool<int>.Shared.Rent(array.Length * 2);
        array.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<int>.Shared.Return(array);
        array = bigger;
    }
}
