using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class FineWebQualityFilterTests
{
    private static readonly FineWebQualityFilter s_filter = new(new FineWebQualityOptions());
    private static readonly FineWebQualitySignals s_clean = new(10, 1, 0, 0, 0);

    /// <summary>A unique 64-char line without terminal punctuation, 11 words.</summary>
    private static string Plain(int i) => $"Line number {i:D3} contains unique content without any final mark";

    [Theory]
    [InlineData(3, true)] // 3 / 25 = 0.12: not < 0.12
    [InlineData(2, false)] // 2 / 25 = 0.08
    public void Evaluate_AroundLinePunctRatio_LinePunct(int punctuated, bool keep)
    {
        string text = string.Join('\n', Enumerable.Range(0, 25).Select(i => Plain(i) + (i < punctuated ? "." : "")));
        FineWebQualitySignals s = s_filter.ComputeSignals(text);
        Assert.Equal(punctuated / 25.0, s.LinePunctRatio, 10);
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.FineWebLinePunctRatio), s_filter.Decide(s));
    }

    [Fact]
    public void ComputeSignals_TrailingSpaceAfterPeriod_IsNotPunctuatedAsDatatrove()
    {
        // datatrove tests line.endswith(stop_chars) without rstrip: "x. " does not count. 1 of 2 lines.
        Assert.Equal(0.5, s_filter.ComputeSignals("Ends with a period.\nEnds with a period. ").LinePunctRatio, 10);
    }

    [Theory]
    [InlineData("句子结束了。", 1.0)]
    [InlineData("Is it over?", 1.0)]
    [InlineData("He said \"yes\"", 1.0)]
    [InlineData("Trailing comma,", 0.0)]
    public void ComputeSignals_TerminalPunctuation_UnicodeSet(string line, double expected) =>
        Assert.Equal(expected, s_filter.ComputeSignals(line).LinePunctRatio, 10);

    [Fact]
    public void Evaluate_ZeroPunctuationWithExcludeZero_PassesPunctRule()
    {
        var filter = new FineWebQualityFilter(new FineWebQualityOptions { LinePunctExcludeZero = true });
        string text = string.Join('\n', Enumerable.Range(0, 5).Select(Plain));
        Assert.Equal(0, filter.ComputeSignals(text).LinePunctRatio);
        Assert.True(filter.Evaluate(text, null).Verdict.Keep);
    }

    [Theory]
    [InlineData(67, true)] // 67 / 100 = 0.67: not > 0.67
    [InlineData(68, false)] // 0.68
    public void Evaluate_AroundShortLineRatio_ShortLine(int shortLines, bool keep)
    {
        // Short lines "Short line 007." are 15 chars (≤ 30); long lines are Plain(i) + "." (65 chars).
        // List ratio stays low: 99 newlines / (67 × 4 + 33 × 11 = 631 tokens) = 0.157.
        string text = string.Join('\n', Enumerable.Range(0, 100).Select(i => i < shortLines ? $"Short line {i:D3}." : Plain(i) + "."));
        FineWebQualitySignals s = s_filter.ComputeSignals(text);
        Assert.Equal(100, s.LineCount);
        Assert.Equal(shortLines / 100.0, s.ShortLineRatio, 10);
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.FineWebShortLineRatio), s_filter.Decide(s));
    }

    [Fact]
    public void ComputeSignals_RepeatedLines_CharDuplicatesRatio()
    {
        // Lines of 36, 37 and 36 chars (the first repeated): 109 chars without the 2 newlines; the repeat is 36 chars:
        // 36 / 109 = 0.330 > 0.01.
        const string a = "Alpha beta gamma delta epsilon zeta.", b = "Eta theta iota kappa lambda mu nu xi.";
        Assert.Equal((36, 37), (a.Length, b.Length));
        FineWebQualitySignals s = s_filter.ComputeSignals($"{a}\n{b}\n{a}");
        Assert.Equal(36 / 109.0, s.CharDuplicatesRatio, 10);
        Assert.Equal(FilterVerdict.Drop(FilterReasons.FineWebCharDupRatio), s_filter.Decide(s));
    }

    [Fact]
    public void ComputeSignals_NewLinesPerWord_ListRatio()
    {
        // 2 newlines; tokens: Alpha beta gamma delta . Epsilon zeta eta theta . = 10 (the blank middle line adds no words): 0.2.
        FineWebQualitySignals s = s_filter.ComputeSignals("Alpha beta gamma delta.\n\nEpsilon zeta eta theta.");
        Assert.Equal(2, s.LineCount);
        Assert.Equal(0.2, s.NewLineRatio, 10);
    }

    [Theory]
    [InlineData(0.30, true)]
    [InlineData(0.30 + 1e-9, false)]
    public void Decide_AroundNewLineRatio_List(double ratio, bool keep) =>
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.FineWebListRatio), s_filter.Decide(s_clean with { NewLineRatio = ratio }));

    [Theory]
    [InlineData(0.01, true)]
    [InlineData(0.01 + 1e-9, false)]
    public void Decide_AroundCharDuplicates_CharDup(double ratio, bool keep) =>
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.FineWebCharDupRatio), s_filter.Decide(s_clean with { CharDuplicatesRatio = ratio }));

    [Fact]
    public void Evaluate_ListLikePage_DropsAsList()
    {
        // 8 one-word punctuated lines "Item." (2 tokens each): 7 newlines / 16 tokens = 0.44 > 0.3. Lines are ≤ 30 chars, so make
        // the short-line rule lenient to reach the list rule; lines are unique to pass the duplicate rule.
        var filter = new FineWebQualityFilter(new FineWebQualityOptions { ShortLineThreshold = 1 });
        string text = string.Join('\n', Enumerable.Range(0, 8).Select(i => $"Item{(char)('a' + i)}."));
        Assert.Equal(FilterVerdict.Drop(FilterReasons.FineWebListRatio), filter.Evaluate(text, null).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\t\n")]
    public void Evaluate_NoNonBlankLine_DropsAsEmpty(string text) =>
        Assert.Equal(FilterVerdict.Drop(FilterReasons.FineWebEmpty), s_filter.Evaluate(text, null).Verdict);
}
