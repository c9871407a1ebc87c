using System.Diagnostics;
using CurationPipeline.Filters;
using CurationPipeline.Filters.Pii;

namespace CurationPipeline.Tests.Filters;

/// <summary>Bad text gets a defined verdict from every filter and the redactor, never an exception.</summary>
public sealed class BadInputTests
{
    public const string Empty = "empty";
    public const string HugeLine = "5 MB line";
    public const string Binary = "binary garbage";
    public const string Surrogates = "invalid surrogates";

    private static readonly ITextFilter[] s_filters =
    [
        new GopherQualityFilter(new GopherQualityOptions()),
        new GopherRepetitionFilter(new GopherRepetitionOptions()),
        new C4QualityFilter(new C4QualityOptions()),
        new FineWebQualityFilter(new FineWebQualityOptions()),
        new UrlFilter(new UrlFilterOptions { BlockedDomainsPath = BlockedDomainsFile() }),
        new LanguageIdentifier(new LanguageIdOptions()),
    ];

    public static TheoryData<string> Kinds => [Empty, HugeLine, Binary, Surrogates];

    /// <summary>A one-domain block list: a url filter needs at least one list.</summary>
    private static string BlockedDomainsFile()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "domains.txt");
        File.WriteAllText(path, "blocked.test\n");
        return path;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Evaluate_BadInput_DefinedVerdictNoException(string kind)
    {
        string text = Make(kind);
        var watch = Stopwatch.StartNew();
        foreach (ITextFilter filter in s_filters)
        {
            FilterOutcome outcome = filter.Evaluate(text, "https://example.com/\uD800");
            Assert.True(outcome.Verdict.Keep || outcome.Verdict.Reason!.StartsWith(filter.Name + ".", StringComparison.Ordinal),
                $"{filter.Name}: {outcome.Verdict}");
            Assert.NotNull(outcome.Signals);
        }

        PiiRedaction redaction = new PiiRedactor(new PiiRedactorOptions { RedactPhoneNumbers = true }).Redact(text);
        Assert.True(redaction.Total >= 0);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{kind} took {watch.Elapsed}");
    }

    [Fact]
    public void Evaluate_Empty_ExactReasons()
    {
        string[] reasons = s_filters.Select(f => f.Evaluate("", null).Verdict.Reason ?? "kept").ToArray();
        Assert.Equal(
            [FilterReasons.GopherShortDoc, FilterReasons.RepetitionEmpty, FilterReasons.C4TooFewSentences, FilterReasons.FineWebEmpty, "kept",
                FilterReasons.LanguageNotKept],
            reasons);
    }

    [Fact]
    public void Evaluate_HugeSingleLine_ExactReasons()
    {
        string text = Make(HugeLine);
        // 5 MB of random 3-8 letter words without punctuation on one line: C4 drops the line (no terminal punctuation) and then
        // the document (0 sentences); FineWeb's only line is unpunctuated.
        Assert.Equal(FilterVerdict.Drop(FilterReasons.C4TooFewSentences), s_filters[2].Evaluate(text, null).Verdict);
        Assert.Equal(FilterVerdict.Drop(FilterReasons.FineWebLinePunctRatio), s_filters[3].Evaluate(text, null).Verdict);
        Assert.Equal(FilterVerdict.Drop(FilterReasons.GopherLongDoc), s_filters[0].Evaluate(text, null).Verdict);
    }

    private static string Make(string kind)
    {
        var random = new Random(4);
        switch (kind)
        {
            case Empty:
                return "";
            case HugeLine:
                var builder = new System.Text.StringBuilder(5 * 1024 * 1024 + 16);
                while (builder.Length < 5 * 1024 * 1024)
                {
                    int length = random.Next(3, 9);
                    for (int i = 0; i < length; i++)
                    {
                        builder.Append((char)('a' + random.Next(26)));
                    }

                    builder.Append(' ');
                }

                return builder.ToString();
            case Binary:
                byte[] bytes = new byte[64 * 1024];
                random.NextBytes(bytes);
                return System.Text.Encoding.Latin1.GetString(bytes);
            default:
                char[] chars = new char[20_000];
                for (int i = 0; i < chars.Length; i++)
                {
                    // Lone high and low surrogates mixed with text, new lines and punctuation.
                    chars[i] = (i % 7) switch
                    {
                        0 => '\uD83D',
                        1 => '\uDC00',
                        2 => '\n',
                        3 => '.',
                        _ => (char)('a' + random.Next(26)),
                    };
                }

                return new string(chars);
        }
    }
}
