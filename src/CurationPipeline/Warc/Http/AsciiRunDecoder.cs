using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace CurationPipeline.Warc.Http;

/// <summary>
/// Decodes text in a legacy ASCII-compatible encoding (windows-125x, Shift_JIS, EUC-JP, GBK, Big5, EUC-KR, …) to the same string
/// <see cref="Encoding.GetString(ReadOnlySpan{byte})"/> gives, faster: long ASCII runs are widened directly and only the bytes
/// between them go through the code-page decoder, which works byte by byte.
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

    /// <summary>The text of <paramref name="bytes"/> in <paramref name="encoding"/>, equal to <c>encoding.GetString(bytes)</c>.</summary>
    public static string GetString(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2 * MinRun || !s_codePages.Contains(encoding.CodePage))
        {
            return encoding.GetString(bytes);
        }

        char[] chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(bytes.Length));
        try
        {
            int written = 0;
            int segmentStart = 0;
            for (int cursor = 0; cursor < bytes.Length;)
            {
                int high = bytes[cursor..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                int runEnd = high < 0 ? bytes.Length : cursor + high;
                if (runEnd - cursor >= MinRun)
                {
                    // The run's first two bytes end the code-page segment; the rest of the run is ASCII widened as is.
                    written += Decode(encoding, bytes[segmentStart..(cursor + 2)], ref chars, written);
                    written += Encoding.ASCII.GetChars(bytes[(cursor + 2)..runEnd], chars.AsSpan(written));
                    segmentStart = runEnd;
                }

                // Jump over the whole non-ASCII stretch in one search: stepping a byte at a time cost one search per byte in CJK text.
                int ascii = runEnd < bytes.Length ? bytes[runEnd..].IndexOfAnyInRange((byte)0x00, (byte)0x7F) : -1;
                cursor = ascii < 0 ? bytes.Length : runEnd + ascii;
            }

            written += Decode(encoding, bytes[segmentStart..], ref chars, written);
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static int Decode(Encoding encoding, ReadOnlySpan<byte> segment, ref char[] chars, int written)
    {
        if (segment.IsEmpty)
        {
            return 0;
        }

        int needed = written + encoding.GetMaxCharCount(segment.Length);
        if (needed > chars.Length)
        {
            char[] bigger = ArrayPool<char>.Shared.Rent(needed);
            chars.AsSpan(0, written).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(chars);
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
