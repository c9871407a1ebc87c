using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace CurationPipeline.Filters.Internal;

/// <summary>
/// The 64-bit XxHash3 values of every word n-gram of some evaluation sets, each mapped to the first benchmark (in configured
/// order) that has it. Memory is about 32 bytes per distinct n-gram (about 620k 13-grams for GSM8K + MATH test: about 20 MB),
/// whatever the corpus size; read-only after <see cref="Build"/>, so thread-safe. A 64-bit collision (about 1 in 10^13 per
/// lookup at that size) would flag a clean n-gram.
/// </summary>
/// <remarks>
/// Almost every n-gram of a document is clean, and the table is far larger than the CPU caches; so a Bloom filter of 16 to 32
/// bits per n-gram (a power of two: 2 MB for GSM8K + MATH; 2 probes, under 1.5% false positives) answers most lookups first.
/// An n-gram with fewer distinct words than a third of its length is not indexed: once numbers read as <c>0</c>, matrix entries
/// and number lists (<c>begin pmatrix 0 0 0 0 end pmatrix begin pmatrix 0 0 0</c>) recur in unrelated math text and quote
/// nothing. That leaves out 5% of GSM8K + MATH's 13-grams; a half (7 of 13) would leave out 17%, many of them real quotes.
/// </remarks>
internal sealed class BenchmarkIndex
{
    private const int BloomBitsPerNGram = 16;

    private readonly Dictionary<ulong, ushort> _benchmarkOf;
    private readonly ulong[] _bloom;
    private readonly int _bloomShift;

    private BenchmarkIndex(Dictionary<ulong, ushort> benchmarkOf, string[] names, int ngramWords)
    {
        _benchmarkOf = benchmarkOf;
        int bloomBits = (int)Math.Max(64, BitOperations.RoundUpToPowerOf2((uint)Math.Min(benchmarkOf.Count * (long)BloomBitsPerNGram, 1 << 30)));
        _bloom = new ulong[bloomBits / 64];
        _bloomShift = 64 - BitOperations.Log2((uint)bloomBits);
        foreach (ulong hash in benchmarkOf.Keys)
        {
            SetBit(hash >> _bloomShift);
            SetBit(hash & (ulong)(bloomBits - 1));
        }

        Names = names;
        NGramWords = ngramWords;
    }

    /// <summary>The benchmark names, in configured order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Words per n-gram.</summary>
    public int NGramWords { get; }

    /// <summary>Distinct n-grams indexed.</summary>
    public int Count => _benchmarkOf.Count;

    /// <summary>Reads every evaluation set of <paramref name="options"/> (validated) and indexes its n-grams.</summary>
    /// <exception cref="InvalidDataException">A set cannot be read, or gives no n-gram (wrong <c>text_fields</c>, or every row shorter than n words).</exception>
    public static BenchmarkIndex Build(DecontaminationOptions options)
    {
        var benchmarkOf = new Dictionary<ulong, ushort>();
        string[] names = [.. options.Benchmarks.Keys];
        Span<int> ring = stackalloc int[options.NGramWords];
        ushort benchmark = 0;
        foreach ((string name, string path) in options.Benchmarks)
        {
            long ngrams = 0;
            foreach (string text in BenchmarkRows.Read(path, options.TextFields))
            {
                var scanner = new WordNGrams(text, ring);
                try
                {
                    while (scanner.MoveNext(out ReadOnlySpan<byte> ngram))
                    {
                        if (HasEnoughDistinctWords(ngram, options.NGramWords))
                        {
                            benchmarkOf.TryAdd(XxHash3.HashToUInt64(ngram), benchmark);
                            ngrams++;
                        }
                    }
                }
                finally
                {
                    scanner.Dispose();
                }
            }

            if (ngrams == 0)
            {
                throw new InvalidDataException(
                    $"Evaluation set '{name}' ({path}) gives no {options.NGramWords}-word n-gram: do its rows have the fields text_fields names ({string.Join(", ", options.TextFields)})?");
            }

            benchmark++;
        }

        return new BenchmarkIndex(benchmarkOf, names, options.NGramWords);
    }

    /// <summary>Whether the space-separated words of <paramref name="ngram"/> hold at least a third of <paramref name="words"/>
    /// distinct ones (rounded up).</summary>
    internal static bool HasEnoughDistinctWords(ReadOnlySpan<byte> ngram, int words)
    {
        int needed = (words + 2) / 3;
        Span<Range> distinctWords = stackalloc Range[needed];
        int distinct = 0;
        foreach (Range range in ngram.Split((byte)' '))
        {
            ReadOnlySpan<byte> word = ngram[range];
            bool seen = false;
            for (int j = 0; j < distinct && !seen; j++)
            {
                seen = word.SequenceEqual(ngram[distinctWords[j]]);
            }

            if (!seen)
            {
                distinctWords[distinct++] = range;
                if (distinct == needed)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Looks up every n-gram of <paramref name="text"/>.</summary>
    /// <returns>How many n-gram positions are indexed, and the benchmark and normalized text of the first.</returns>
    public (int Matches, string? Benchmark, string? FirstNGram) Find(ReadOnlySpan<char> text)
    {
        Span<int> ring = stackalloc int[NGramWords];
        var scanner = new WordNGrams(text, ring);
        try
        {
            int matches = 0;
            string? benchmark = null, first = null;
            while (scanner.MoveNext(out ReadOnlySpan<byte> ngram))
            {
                ulong hash = XxHash3.HashToUInt64(ngram);
                if (MayContain(hash) && _benchmarkOf.TryGetValue(hash, out ushort index))
                {
                    if (matches++ == 0)
                    {
                        benchmark = Names[index];
                        first = Encoding.UTF8.GetString(ngram);
                    }
                }
            }

            return (matches, benchmark, first);
        }
        finally
        {
            scanner.Dispose();
        }
    }

    /// <summary>Bloom probes: the hash's top bits and its bottom bits pick one bit each (the table has a power-of-two size).</summary>
    private bool MayContain(ulong hash) => IsSet(hash >> _bloomShift) && IsSet(hash & (((ulong)_bloom.Length * 64) - 1));

    private bool IsSet(ulong bit) => (_bloom[bit >> 6] & (1UL << (int)(bit & 63))) != 0;

    private void SetBit(ulong bit) => _bloom[bit >> 6] |= 1UL << (int)(bit & 63);
}
