using System.Buffers;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;
using CurationPipeline.Filters.Text;

namespace CurationPipeline.Filters.Internal;

/// <summary>
/// The words of one text and exact n-gram statistics over them (datatrove's <c>find_top_duplicate</c> and <c>find_all_duplicate</c>).
/// An n-gram is the word index it starts at. N-grams are found in an open-addressing table keyed by a 64-bit rolling hash of
/// the words' XxHash3 values; a hash hit is confirmed by comparing the words, so results are exact. All buffers are pooled:
/// dispose to return them. Ask for n in increasing order to reuse the rolling hashes (any order is correct).
/// </summary>
internal sealed class NGramIndex : IDisposable
{
    private const ulong Prime = 0x100000001B3UL;

    private readonly string _text;
    private int[] _starts;
    private int[] _lengths;
    private ulong[] _wordHashes;
    private ulong[] _gramHashes;
    private int[] _slots = [];
    private int[] _counts = [];
    private int _preparedN;

    public NGramIndex(string text)
    {
        _text = text;
        _starts = ArrayPool<int>.Shared.Rent(256);
        _lengths = ArrayPool<int>.Shared.Rent(256);
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

        int mask = ResetTable(grams);
        int bestStart = 0, bestCount = 0;
        for (int i = 0; i < grams; i++)
        {
            int slot = FindOrAdd(i, n, mask, out _);
            int count = ++_counts[slot];
            int first = _slots[slot] - 1;
            // A later n-gram only wins with a strictly higher count, or an equal count if it was first seen earlier.
            if (count > bestCount || (count == bestCount && first < bestStart))
            {
                bestCount = count;
                bestStart = first;
            }
        }

        return GramLength(bestStart, n) * (long)bestCount;
    }

    /// <summary>datatrove's <c>find_all_duplicate</c>: scan left to right; a repeated n-gram adds its length and jumps n words.</summary>
    public long DuplicateNGramChars(int n)
    {
        int grams = Prepare(n);
        if (grams <= 0)
        {
            return 0;
        }

        int mask = ResetTable(grams);
        long repeated = 0;
        int idx = 0;
        while (idx < grams)
        {
            FindOrAdd(idx, n, mask, out bool existed);
            if (existed)
            {
                repeated += GramLength(idx, n);
                idx += n;
            }
            else
            {
                idx++;
            }
        }

        return repeated;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_lengths);
        ArrayPool<ulong>.Shared.Return(_wordHashes);
        ArrayPool<ulong>.Shared.Return(_gramHashes);
        if (_slots.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_slots);
            ArrayPool<int>.Shared.Return(_counts);
        }

        _starts = _lengths = _slots = _counts = [];
        _wordHashes = _gramHashes = [];
    }

    /// <summary>Finds the slot of the n-gram equal to the one at <paramref name="start"/>, adding it when new.</summary>
    private int FindOrAdd(int start, int n, int mask, out bool existed)
    {
        ulong hash = _gramHashes[start];
        int slot = (int)(hash ^ (hash >> 32)) & mask;
        while (true)
        {
            int stored = _slots[slot];
            if (stored == 0)
            {
                _slots[slot] = start + 1;
                existed = false;
                return slot;
            }

            if (_gramHashes[stored - 1] == hash && WordsEqual(stored - 1, start, n))
            {
                existed = true;
                return slot;
            }

            slot = (slot + 1) & mask;
        }
    }

    private bool WordsEqual(int x, int y, int n)
    {
        for (int k = 0; k < n; k++)
        {
            if (!_text.AsSpan(_starts[x + k], _lengths[x + k]).SequenceEqual(_text.AsSpan(_starts[y + k], _lengths[y + k])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Clears (and if needed enlarges) the table to a power of two at least twice <paramref name="grams"/>; returns the mask.</summary>
    private int ResetTable(int grams)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, grams * 2));
        if (_slots.Length < size)
        {
            if (_slots.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_slots);
                ArrayPool<int>.Shared.Return(_counts);
            }

            _slots = ArrayPool<int>.Shared.Rent(size);
            _counts = ArrayPool<int>.Shared.Rent(size);
        }

        _slots.AsSpan(0, size).Clear();
        _counts.AsSpan(0, size).Clear();
        return size - 1;
    }

    /// <summary>The length of <c>" ".join(words[start:start+n])</c>.</summary>
    private long GramLength(int start, int n)
    {
        long length = n - 1;
        for (int k = 0; k < n; k++)
        {
            length += _lengths[start + k];
        }

        return length;
    }

    /// <summary>Makes <c>_gramHashes[i]</c> the hash of the n words from i, extending the previous n when possible.</summary>
    private int Prepare(int n)
    {
        int grams = WordCount - n + 1;
        if (_preparedN == 0 || n <= _preparedN)
        {
            _wordHashes.AsSpan(0, WordCount).CopyTo(_gramHashes);
            _preparedN = 1;
        }

        for (int m = _preparedN + 1; m <= n; m++)
        {
            int count = WordCount - m + 1;
            for (int i = 0; i < count; i++)
            {
                ulong h = (_gramHashes[i] ^ _wordHashes[i + m - 1]) * Prime;
                _gramHashes[i] = h ^ (h >> 29);
            }
        }

        _preparedN = n;
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
