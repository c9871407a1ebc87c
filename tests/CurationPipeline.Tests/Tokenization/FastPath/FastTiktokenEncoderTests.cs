using System.IO.Compression;
using System.Text;
using CurationPipeline.Classifiers.Training.Internal;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Tests.Tokenization.FastPath;

/// <summary>
/// The tiktoken fast path against its reference, the Microsoft.ML.Tokenizers tokenizer it was built beside: the same ids for all
/// shared fixture text and for generated text covering every character class the patterns test.
/// </summary>
public sealed class FastTiktokenEncoderTests
{
    /// <summary>Characters taken from each fixture file: the start and the middle, so a huge file costs no more than a small one.</summary>
    private const int SampleChars = 8192;

    public static TheoryData<string> Encodings => ["cl100k_base", "o200k_base", "gpt2"];

    /// <summary>Every encoding with every fixture group (the first two folders under the fixture root).</summary>
    public static TheoryData<string, string> EncodingsAndFixtureGroups()
    {
        var data = new TheoryData<string, string>();
        string[] groups =
        [
            "warc/arc", "warc/cc", "warc/edge", "warc/malformed", "warc/other-real", "warc/wet",
            "classify/code", "classify/math", "classify/quality", "classify/safety", "extraction/scrapinghub", "extraction/wcxb-dev", ".",
        ];
        foreach (string encoding in Encodings)
        {
            foreach (string group in groups)
            {
                data.Add(encoding, group);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Create_BuiltIn_UsesTheFastPath(string name) => Assert.True(Tokenizers.Get(name).HasFastPath);

    [Theory]
    [MemberData(nameof(EncodingsAndFixtureGroups))]
    public void EncodeDocument_SharedFixtureText_MatchesReference(string name, string group)
    {
        string root = TestData.SharedData;
        string folder = Path.Combine(root, group);
        IEnumerable<string> files = group == "."
            ? Directory.EnumerateFiles(root).Concat(new[] { "classify", "extraction" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d))))
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories);
        TextTokenizer tokenizer = Tokenizers.Get(name);
        int count = 0;
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            string text = ReadText(file);
            string sample = text.Length <= 2 * SampleChars ? text : string.Concat(text.AsSpan(0, SampleChars), text.AsSpan(text.Length / 2, SampleChars));
            AssertSameIds(tokenizer, sample, Path.GetRelativePath(root, file));
            count++;
        }

        Assert.True(count > 0, $"no files under {folder}");
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodeDocument_EveryUtf16CodeUnitInContext_MatchesReference(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        var text = new StringBuilder();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            text.Append(ch).Append("ab").Append(ch).Append(ch).Append(' ').Append(ch).Append("Cd'").Append(ch).Append("1\n").Append(ch).Append('\u0301');
            if (text.Length > 4000)
            {
                AssertSameIds(tokenizer, text.ToString(), $"code units up to U+{c:X4}");
                text.Clear();
            }
        }

        AssertSameIds(tokenizer, text.ToString(), "last code units");
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodeDocument_Contractions_MatchReference(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        foreach (string suffix in (string[])["s", "t", "re", "ve", "m", "ll", "d", "S", "T", "RE", "Re", "rE", "VE", "vE", "M", "LL", "lL", "D", "\u017F", "x", ""])
        {
            foreach (string before in (string[])["", "it", "IT", " x", "9", "\n", " ", "'", "ÉCOLE", "école"])
            {
                foreach (string after in (string[])["", "am", " ", "9", "'s", "\n"])
                {
                    AssertSameIds(tokenizer, before + "'" + suffix + after, "contraction");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodeDocument_GeneratedMixedText_MatchesReference(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        var random = new Random(23);
        for (int document = 0; document < 400; document++)
        {
            AssertSameIds(tokenizer, GeneratedText.Document(random), $"generated document {document}");
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodeDocument_LongRuns_MatchReference(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        foreach (string run in (string[])[" ", "\n", "\r\n", " \n", "\t", "a", "A", "é", "1", "٣", "!", "😀", "\uD800", "\uDC00", "ab", "Ab", "\u0301", "/", "'s"])
        {
            foreach (int length in (int[])[1, 2, 3, 4, 255, 256, 257, 300, 2000])
            {
                string body = string.Concat(Enumerable.Repeat(run, length));
                AssertSameIds(tokenizer, body, $"{length} x U+{(int)run[0]:X4}");
                AssertSameIds(tokenizer, "x" + body + "x", $"x, {length} x U+{(int)run[0]:X4}, x");
                AssertSameIds(tokenizer, " " + body + " word", $"space, {length} x U+{(int)run[0]:X4}, word");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodeDocument_ParallelCallers_GetReferenceIds(string name)
    {
        TextTokenizer tokenizer = Tokenizers.Get(name);
        string[] texts = [.. Enumerable.Range(0, 64).Select(i => GeneratedText.Document(new Random(i)))];
        int[][] expected = [.. texts.Select(t => tokenizer.Reference.EncodeToIds(t).ToArray())];

        Parallel.For(0, texts.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var ids = new List<int>();
            tokenizer.EncodeDocument(texts[i % texts.Length], ids);
            Assert.Equal(expected[i % texts.Length], ids[..^1]);
        });
    }

    private static void AssertSameIds(TextTokenizer tokenizer, string text, string what)
    {
        var fast = new List<int>();
        tokenizer.EncodeDocument(text, fast);
        fast.RemoveAt(fast.Count - 1);
        IReadOnlyList<int> reference = tokenizer.Reference.EncodeToIds(text);
        if (fast.SequenceEqual(reference))
        {
            return;
        }

        int at = 0;
        while (at < Math.Min(fast.Count, reference.Count) && fast[at] == reference[at])
        {
            at++;
        }

        string Context(IReadOnlyList<int> ids) => string.Join(" ", ids.Skip(Math.Max(0, at - 2)).Take(6).Select(id => $"{id}:{Escape(tokenizer.Decode([id]))}"));
        Assert.Fail($"{tokenizer.Name}, {what}: ids differ at {at} of {reference.Count}: fast [{Context(fast)}], reference [{Context(reference)}]");
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>A fixture file as text: gzip and xz are decompressed (a damaged gzip gives what precedes the damage), bytes decode as UTF-8.</summary>
    private static string ReadText(string path)
    {
        byte[] bytes = XzText.ReadAllBytes(path);
        if (bytes.Length > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            var inflated = new MemoryStream();
            try
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                gzip.CopyTo(inflated);
            }
            catch (InvalidDataException)
            {
                // a deliberately damaged fixture: keep what was inflated
            }

            bytes = inflated.ToArray();
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
