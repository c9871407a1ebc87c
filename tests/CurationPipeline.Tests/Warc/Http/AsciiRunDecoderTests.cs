using System.Buffers;
using System.Text;
using CurationPipeline.Warc.Http;

namespace CurationPipeline.Tests.Warc.Http;

/// <summary>The split decoder against the code-page decoder on whole text: the same string for real and hostile byte sequences.</summary>
public sealed class AsciiRunDecoderTests
{
    public static TheoryData<string> Labels => ["shift_jis", "euc-jp", "gbk", "gb18030", "big5", "euc-kr", "windows-1252", "windows-1251", "koi8-r", "iso-2022-jp", "utf-8"];

    [Theory]
    [MemberData(nameof(Labels))]
    public void Decode_RandomBytesAroundAsciiRuns_EqualsWholeDecode(string label)
    {
        Encoding encoding = CharsetResolver.FromLabel(label)!;
        var random = new Random(label.Length);
        for (int document = 0; document < 1500; document++)
        {
            byte[] bytes = RandomDocument(random);
            Assert.Equal(encoding.GetString(bytes), Decode(encoding, bytes));
        }
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void Decode_EncodedText_EqualsWholeDecode(string label)
    {
        Encoding encoding = CharsetResolver.FromLabel(label)!;
        string text = string.Concat(Enumerable.Repeat("<p class=\"article-body\">東京の天気は晴れ。Привет, мир! 안녕하세요 ÄÖÜ €</p>\n", 40));
        byte[] bytes = encoding.GetBytes(text);

        Assert.Equal(encoding.GetString(bytes), Decode(encoding, bytes));
    }

    /// <summary>Runs are found block by block: an ASCII run of every length from 1 to 3 blocks, at the start, in the middle and at
    /// the end, between characters whose trail byte is ASCII in Shift_JIS (ソ is 83 5C).</summary>
    [Theory]
    [InlineData("shift_jis")]
    [InlineData("euc-jp")]
    [InlineData("windows-1252")]
    public void Decode_AsciiRunOfEveryLengthAnywhere_EqualsWholeDecode(string label)
    {
        Encoding encoding = CharsetResolver.FromLabel(label)!;
        byte[] wide = encoding.GetBytes("ソ東é");
        for (int run = 1; run <= 96; run++)
        {
            byte[] ascii = [.. Enumerable.Range(0, run).Select(i => (byte)('a' + (i % 26)))];
            foreach (byte[] bytes in (byte[][])[[.. ascii, .. wide, .. wide], [.. wide, .. ascii, .. wide], [.. wide, .. wide, .. ascii], [.. wide, .. ascii, .. wide, .. ascii]])
            {
                Assert.Equal(encoding.GetString(bytes), Decode(encoding, bytes));
            }
        }
    }

    private static string Decode(Encoding encoding, byte[] bytes)
    {
        int length = AsciiRunDecoder.Decode(encoding, bytes, ArrayPool<char>.Shared, out char[] chars);
        string text = new(chars, 0, length);
        ArrayPool<char>.Shared.Return(chars);
        return text;
    }

    /// <summary>ASCII runs of every length (around the split threshold) between high bytes, lead bytes cut off by ASCII, digits
    /// where GB18030 four-byte sequences keep them, and escape bytes.</summary>
    private static byte[] RandomDocument(Random random)
    {
        var bytes = new List<byte>();
        int parts = random.Next(1, 40);
        for (int part = 0; part < parts; part++)
        {
            switch (random.Next(5))
            {
                case 0:
                    int run = random.Next(10) == 0 ? random.Next(200) : random.Next(28, 40);
                    bytes.AddRange(Enumerable.Range(0, run).Select(_ => (byte)random.Next(0x20, 0x7F)));
                    break;
                case 1:
                    bytes.AddRange(Enumerable.Range(0, random.Next(1, 8)).Select(_ => (byte)random.Next(0x80, 0x100)));
                    break;
                case 2:
                    bytes.AddRange([(byte)random.Next(0x81, 0x100), (byte)random.Next(0x30, 0x3A), (byte)random.Next(0x81, 0x100), (byte)random.Next(0x30, 0x3A)]);
                    break;
                case 3:
                    bytes.AddRange([(byte)random.Next(0x80, 0x100), (byte)random.Next(0x00, 0x80)]);
                    break;
                default:
                    bytes.AddRange([0x1B, (byte)'$', (byte)'B', (byte)random.Next(0x21, 0x7F), (byte)random.Next(0x21, 0x7F), 0x8E, 0x8F]);
                    break;
            }
        }

        return [.. bytes];
    }
}
