using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace CurationPipeline.Warc.Http;

/// <summary>
/// Decodes text into a pooled char array, to the same chars <see cref="Encoding.GetString(ReadOnlySpan{byte})"/> gives. Text in a
/// legacy ASCII-compatible encoding (windows-125x, Shift_JIS, EUC-JP, GBK, Big5, EUC-KR, …) goes faster: long ASCII runs are widened
/// directly and only the bytes between them go through the code-page decoder, which works byte by byte.
/// </summary>
/// <remarks>
/// A split is made only after two ASCII bytes: in these encodings a multi-byte character starts with a byte of 0x80 or more and
/// never holds two consecutive ASCII bytes, so that point is a character boundary and the decoder carries no state across it.
/// Stateful encodings (ISO-2022), GB18030 (whose decoder looks further ahead on damaged four-byte sequences) and encodings that
/// do not map ASCII to itself are decoded whole.
/// </remarks>
internal static class AsciiRunDecoder
{
    /// <summary>ASCII runs shorter than this stay with the surrounding bytes (a split costs a decoder call).</summary>
    private const int MinRun = 32;

    /// <summary>The code pages the split is safe for: the legacy encodings <see cref="CharsetResolver"/> maps labels to, kept when
    /// they decode every ASCII byte to itself.</summary>
    private static readonly FrozenSet<int> s_codePages = new[] { 874, 932, 936, 949, 950, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258, 20866, 21866, 28605, 51932 }
        .Where(MapsAsciiToItself).ToFrozenSet();

    /// <summary>Decodes <paramref name="bytes"/> into an array rented from <paramref name="pool"/>: the same chars as
    /// <c>encoding.GetString(bytes)</c>.</summary>
    /// <param name="encoding">The encoding of <paramref name="bytes"/>.</param>
    /// <param name="bytes">The encoded text.</param>
    /// <param name="pool">The pool to rent from.</param>
    /// <param name="chars">The rented array holding the text; the caller returns it to <paramref name="pool"/>.</param>
    /// <returns>The number of chars written to <paramref name="chars"/>.</returns>
    public static int Decode(Encoding encoding, ReadOnlySpan<byte> bytes, ArrayPool<char> pool, out char[] chars)
    {
        chars = pool.Rent(encoding.GetMaxCharCount(bytes.Length));
        if (bytes.Length < 2 * MinRun || !s_codePages.Contains(encoding.CodePage))
        {
            return encoding.GetChars(bytes, chars);
        }

        int written = 0;
        int segmentStart = 0;
        for (int block = 0; block + MinRun <= bytes.Length;)
        {
            // Runs are found block by block (one vector test per block): a search per run cost two short searches for every
            // short ASCII stretch between CJK characters. A run of at least 2 * MinRun - 1 bytes always fills a block; shorter
            // runs may stay with the code-page segment, which decodes them the same.
            if (!Ascii.IsValid(bytes.Slice(block, MinRun)))
            {
                block += MinRun;
                continue;
            }

            int runStart = bytes[segmentStart..block].LastIndexOfAnyInRange((byte)0x80, (byte)0xFF) + 1 + segmentStart;
            int high = bytes[(block + MinRun)..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            int runEnd = high < 0 ? bytes.Length : block + MinRun + high;

            // The run's first two bytes end the code-page segment; the rest of the run is ASCII widened as is.
            written += Decode(encoding, bytes[segmentStart..(runStart + 2)], pool, ref chars, written);
            written += Encoding.ASCII.GetChars(bytes[(runStart + 2)..runEnd], chars.AsSpan(written));
            segmentStart = runEnd;
            block = runEnd;
        }

        return written + Decode(encoding, bytes[segmentStart..], pool, ref chars, written);
    }

    private static int Decode(Encoding encoding, ReadOnlySpan<byte> segment, ArrayPool<char> pool, ref char[] chars, int written)
    {
        if (segment.IsEmpty)
        {
            return 0;
        }

        int needed = written + encoding.GetMaxCharCount(segment.Length);
        if (needed > chars.Length)
        {
            char[] bigger = pool.Rent(needed);
            chars.AsSpan(0, written).CopyTo(bigger);
            pool.Return(chars);
            chars = bigger;
        }

        return encoding.GetChars(segment, chars.AsSpan(written));
    }

    private static bool MapsAsciiToItself(int codePage)
    {
        Encoding? encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage);
        if (encoding is null)
        {
            return false;
        }

        byte[] ascii = [.. Enumerable.Range(0, 0x80).Select(b => (byte)b)];
        return encoding.GetString(ascii) == Encoding.ASCII.GetString(ascii);
    }
}
