using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class GopherQualityFilterTests
{
    private static readonly GopherQualityFilter s_filter = new(new GopherQualityOptions());

    /// <summary>"the and" followed by <paramref name="count"/> copies of <paramref name="word"/>, on one line.</summary>
    private static string Doc(int count, string word = "wordy") => "the and " + string.Join(' ', Enumerable.Repeat(word, count));

    [Fact]
    public void ComputeSignals_BaseDocument_HandComputedValues()
    {
        // the(3) and(3) + 48 × wordy(5): 50 words, mean (6 + 240) / 50 = 4.92, 2 distinct stop words, 1 line.
        GopherQualitySignals s = s_filter.ComputeSignals(Doc(48));
        Assert.Equal(50, s.WordCount);
        Assert.Equal(50, s.NonSymbolWordCount);
        Assert.Equal(4.92, s.MeanWordLength, 10);
        Assert.Equal(1, s.LineCount);
        Assert.Equal(1.0, s.AlphaWordsRatio);
        Assert.Equal(2, s.StopWordCount);
        Assert.Equal(FilterVerdict.Kept, s_filter.Decide(s));
    }

    [Fact]
    public void ComputeSignals_SymbolCounts_NonOverlappingAsPythonCount()
    {
        // Tokens: a, "....", b, "#", c, "…" = 6. "....".count("...") is 1 (non-overlapping) plus one "…": 2 / 6; one "#": 1 / 6.
        GopherQualitySignals s = s_filter.ComputeSignals("a.... b # c…");
        Assert.Equal(6, s.WordCount);
        Assert.Equal(3, s.NonSymbolWordCount);
        Assert.Equal(2 / 6.0, s.EllipsisRatio, 10);
        Assert.Equal(1 / 6.0, s.HashRatio, 10);
        Assert.Equal(1.0, s.EllipsisLinesRatio); // the only line ends with "…"
    }

    [Theory]
    [InlineData(48, true)] // 50 non-symbol words: not < 50
    [InlineData(47, false)] // 49 < 50
    public void Evaluate_AroundMinDocWords_ShortDoc(int copies, bool keep) =>
        AssertVerdict(Doc(copies), keep, FilterReasons.GopherShortDoc);

    [Fact]
    public void Evaluate_PunctuationDoesNotCountAsWords_ShortDoc()
    {
        // 47 copies + "the and" = 49 words; the 10 "!!" tokens are symbol tokens and do not reach 50.
        AssertVerdict(Doc(47) + string.Concat(Enumerable.Repeat(" !!", 10)), keep: false, FilterReasons.GopherShortDoc);
    }

    [Theory]
    [InlineData(50, true)] // 50 words: not > 50
    [InlineData(51, false)]
    public void Evaluate_AroundMaxDocWords_LongDoc(int words, bool keep)
    {
        var filter = new GopherQualityFilter(new GopherQualityOptions { MinDocWords = 1, MaxDocWords = 50 });
        FilterVerdict verdict = filter.Decide(filter.ComputeSignals(Doc(words - 2)));
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.GopherLongDoc), verdict);
    }

    [Theory]
    [InlineData("abc", "abc", true)] // (6 + 48 × 3) / 50 = 3.00: not < 3
    [InlineData("abc", "ab", false)] // (6 + 47 × 3 + 2) / 50 = 2.98 < 3
    public void Evaluate_AroundMinAvgWordLength_BelowAvg(string word, string last, bool keep) =>
        AssertVerdict(Doc(47, word) + " " + last, keep, FilterReasons.GopherBelowAvgWordLength);

    [Theory]
    [InlineData(10, true)] // (6 + 48 × 10) / 50 = 9.72
    [InlineData(11, false)] // (6 + 48 × 11) / 50 = 10.68 > 10
    public void Evaluate_AroundMaxAvgWordLength_AboveAvg(int length, bool keep) =>
        AssertVerdict(Doc(48, new string('w', length)), keep, FilterReasons.GopherAboveAvgWordLength);

    [Theory]
    [InlineData(5, true)] // 5 / (50 + 5) = 0.0909
    [InlineData(6, false)] // 6 / 56 = 0.107 > 0.1
    public void Evaluate_AroundHashRatio_TooManyHashes(int hashes, bool keep) =>
        AssertVerdict(string.Concat(Enumerable.Repeat("# ", hashes)) + Doc(48), keep, FilterReasons.GopherTooManyHashes);

    [Theory]
    [InlineData(5, true)] // 5 / 55 = 0.0909
    [InlineData(6, false)] // 6 / 56 = 0.107 > 0.1; also counts "…"
    public void Evaluate_AroundEllipsisRatio_TooManyEllipsis(int ellipses, bool keep) =>
        AssertVerdict("… " + string.Concat(Enumerable.Repeat("... ", ellipses - 1)) + Doc(48), keep, FilterReasons.GopherTooManyEllipsis);

    [Theory]
    [InlineData(9, true)] // 9 / 10 lines = 0.9: not > 0.9
    [InlineData(10, false)] // 10 / 10 = 1.0
    public void Evaluate_AroundBulletLines_TooManyBullets(int bullets, bool keep)
    {
        // 10 lines of "the and wordy wordy wordy" = 50 words; bullets "-" or "•" (after leading spaces) are symbol tokens.
        var lines = Enumerable.Range(0, 10).Select(i => (i < bullets ? (i % 2 == 0 ? "  - " : "• ") : "") + "the and wordy wordy wordy");
        AssertVerdict(string.Join('\n', lines), keep, FilterReasons.GopherTooManyBullets);
    }

    [Theory]
    [InlineData(3, true)] // 3 / 10 = 0.3: not > 0.3
    [InlineData(4, false)] // 0.4
    public void Evaluate_AroundEllipsisLines_TooManyEndEllipsis(int ellipsisLines, bool keep)
    {
        // Ellipsis ratio stays low: 4 / 54 = 0.074.
        var lines = Enumerable.Range(0, 10).Select(i => "the and wordy wordy wordy" + (i < ellipsisLines ? "...  " : ""));
        AssertVerdict(string.Join('\n', lines), keep, FilterReasons.GopherTooManyEndEllipsis);
    }

    [Theory]
    [InlineData(12, true)] // 50 / 62 = 0.806: not < 0.8
    [InlineData(13, false)] // 50 / 63 = 0.794
    public void Evaluate_AroundAlphaRatio_BelowAlphaThreshold(int numbers, bool keep) =>
        AssertVerdict(Doc(48) + string.Concat(Enumerable.Repeat(" 123", numbers)), keep, FilterReasons.GopherBelowAlphaThreshold);

    [Fact]
    public void Evaluate_OneStopWordRepeated_CountsDistinctStopWords()
    {
        // 25 × "the" + 25 × "wordy": 25 stop-word occurrences but 1 distinct < 2.
        string text = string.Join(' ', Enumerable.Repeat("the wordy", 25));
        Assert.Equal(1, s_filter.ComputeSignals(text).StopWordCount);
        AssertVerdict(text, keep: false, FilterReasons.GopherNotEnoughStopWords);
    }

    [Fact]
    public void Evaluate_CapitalizedStopWords_AreCaseSensitiveAsDatatrove()
    {
        AssertVerdict("The And " + string.Join(' ', Enumerable.Repeat("wordy", 48)), keep: false, FilterReasons.GopherNotEnoughStopWords);
    }

    [Fact]
    public void Evaluate_DisabledRule_IsSkipped()
    {
        var filter = new GopherQualityFilter(new GopherQualityOptions { MinDocWords = null, MinStopWords = null });
        Assert.True(filter.Evaluate("wordy wordy wordy", null).Verdict.Keep);
    }

    [Fact]
    public void Constructor_InvalidRatio_ThrowsNamingProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GopherQualityFilter(new GopherQualityOptions { MinAlphaWordsRatio = 1.5 }));
        Assert.Equal(nameof(GopherQualityOptions.MinAlphaWordsRatio), ex.ParamName);
    }

    private static void AssertVerdict(string text, bool keep, string reason)
    {
        FilterOutcome outcome = s_filter.Evaluate(text, null);
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(reason), outcome.Verdict);
        Assert.IsType<GopherQualitySignals>(outcome.Signals);
    }
}
