using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace CurationPipeline.Warc.Http;

/// <summary>
/// Picks the encoding of an HTML body: HTTP Content-Type charset, then a byte-order mark, then a <c>&lt;meta&gt;</c>
/// declaration in the first bytes, then valid UTF-8, then UTF.Unknown detection, then UTF-8. Labels map the way browsers
/// map them (WHATWG Encoding): <c>iso-8859-1</c> and <c>us-ascii</c> are windows-1252, <c>gb2312</c> is GBK, and so on.
/// </summary>
internal static partial class CharsetResolver
{
    private const int DetectionBytes = 64 * 1024;

    private static readonly FrozenDictionary<string, int> s_codePages = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["iso-8859-1"] = 1252, ["iso8859-1"] = 1252, ["iso_8859-1"] = 1252, ["latin1"] = 1252, ["l1"] = 1252, ["cp819"] = 1252,
        ["ibm819"] = 1252, ["us-ascii"] = 1252, ["ascii"] = 1252, ["windows-1252"] = 1252, ["cp1252"] = 1252, ["x-cp1252"] = 1252,
        ["gb2312"] = 936, ["gbk"] = 936, ["x-gbk"] = 936, ["gb_2312-80"] = 936, ["chinese"] = 936, ["csgb2312"] = 936,
        ["iso-ir-58"] = 936, ["cp936"] = 936, ["windows-936"] = 936, ["gb18030"] = 54936,
        ["shift_jis"] = 932, ["shift-jis"] = 932, ["sjis"] = 932, ["x-sjis"] = 932, ["ms_kanji"] = 932, ["windows-31j"] = 932,
        ["csshiftjis"] = 932, ["cp932"] = 932,
        ["euc-jp"] = 51932, ["x-euc-jp"] = 51932, ["cseucpkdfmtjapanese"] = 51932,
        ["euc-kr"] = 949, ["ks_c_5601-1987"] = 949, ["windows-949"] = 949, ["korean"] = 949, ["cseuckr"] = 949, ["cp949"] = 949,
        ["big5"] = 950, ["big5-hkscs"] = 950, ["x-x-big5"] = 950, ["cn-big5"] = 950,
        ["windows-1251"] = 1251, ["cp1251"] = 1251, ["x-cp1251"] = 1251, ["koi8-r"] = 20866, ["koi8-u"] = 21866,
        ["iso-8859-9"] = 1254, ["latin5"] = 1254, ["windows-1254"] = 1254, ["tis-620"] = 874, ["iso-8859-11"] = 874,
        ["windows-874"] = 874, ["iso-8859-15"] = 28605, ["latin9"] = 28605,
        ["utf-8"] = 65001, ["utf8"] = 65001, ["unicode-1-1-utf-8"] = 65001, ["utf-16"] = 1200, ["utf-16le"] = 1200, ["utf-16be"] = 1201,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    static CharsetResolver() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Chooses the encoding for <paramref name="body"/>.</summary>
    /// <param name="contentType">The HTTP Content-Type value, if any.</param>
    /// <param name="body">The decoded body.</param>
    /// <param name="sniffBytes">How many leading bytes to search for a meta declaration.</param>
    /// <param name="preambleLength">Length of a byte-order mark to skip.</param>
    public static Encoding Resolve(string? contentType, ReadOnlyMemory<byte> body, int sniffBytes, out int preambleLength)
    {
        ReadOnlySpan<byte> bytes = body.Span;
        preambleLength = 0;
        Encoding? bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Encoding.UTF8
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : null;
        if (bom is not null)
        {
            preambleLength = bom.CodePage == 65001 ? 3 : 2;
        }

        Encoding? encoding = FromLabel(CharsetParameter(contentType)) ?? bom ?? FromLabel(MetaCharset(bytes[..Math.Min(bytes.Length, sniffBytes)]));
        if (encoding is not null)
        {
            // A BOM is only skipped when it belongs to the encoding in use.
            preambleLength = bom is not null && bom.CodePage == encoding.CodePage ? preambleLength : 0;
            return encoding;
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8;
        }

        ReadOnlyMemory<byte> sample = body[..Math.Min(body.Length, DetectionBytes)];
        ArraySegment<byte> array = MemoryMarshal.TryGetArray(sample, out ArraySegment<byte> segment) ? segment : sample.ToArray();
        DetectionResult detected = CharsetDetector.DetectFromBytes(array.Array!, array.Offset, array.Count);
        return FromLabel(detected.Detected?.EncodingName) ?? Encoding.UTF8;
    }

    /// <summary>The encoding for a charset label, browser-style; <c>null</c> when unknown or unsupported.</summary>
    public static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        label = label.Trim().Trim('"', '\'').Trim();
        if (s_codePages.TryGetValue(label, out int codePage))
        {
            return codePage switch
            {
                65001 => Encoding.UTF8,
                1200 => Encoding.Unicode,
                1201 => Encoding.BigEndianUnicode,
                _ => CodePagesEncodingProvider.Instance.GetEncoding(codePage),
            };
        }

        return CodePagesEncodingProvider.Instance.GetEncoding(label);
    }

    /// <summary>The <c>charset</c> parameter of a Content-Type value.</summary>
    public static string? CharsetParameter(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        Match m = CharsetParameterRegex().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? MetaCharset(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("<meta"u8) < 0 && head.IndexOf("<META"u8) < 0 && head.IndexOf("<Meta"u8) < 0)
        {
            return null;
        }

        Match m = MetaCharsetRegex().Match(Encoding.Latin1.GetString(head));
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameterRegex();

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetRegex();
}
