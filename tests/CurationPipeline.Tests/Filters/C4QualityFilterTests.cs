using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class C4QualityFilterTests
{
    private static readonly C4QualityFilter s_filter = new(new C4QualityOptions());

    private static string Good(int i) => $"This is good sentence number {i}.";

    [Fact]
    public void ComputeSignals_MixedLines_DropsEachBadLineForItsRule()
    {
        string text = string.Join('\n',
            Good(1),
            "no terminal punctuation here", // no_terminal_punct
            "Ends with an ellipsis...", // no_terminal_punct (ellipsis)
            "Too short.", // 2 words < 3
            "Please enable JavaScript to continue.", // javascript (case-insensitive)
            "This site uses cookies for analytics.", // policy
            "Giant " + new string('x', 1001) + " word.", // word > 1000 chars
            "  A cited claim stands here.[1]  ", // citation removed, trimmed, kept
            "Another claim [edit] stands. Second sentence here!"); // 2 sentences
        C4QualitySignals s = s_filter.ComputeSignals(text);
        Assert.Equal(9, s.LineCount);
        Assert.Equal(3, s.KeptLineCount);
        Assert.Equal(2, s.NoTerminalPunctLines);
        Assert.Equal(1, s.TooFewWordsLines);
        Assert.Equal(1, s.JavascriptLines);
        Assert.Equal(1, s.PolicyLines);
        Assert.Equal(1, s.TooLongWordLines);
        Assert.Equal(4, s.SentenceCount); // 1 + 1 + 2
        Assert.Equal("This is good sentence number 1.\nA cited claim stands here.\nAnother claim  stands. Second sentence here!", s.FilteredText);
        Assert.Equal(FilterVerdict.Drop(FilterReasons.C4TooFewSentences), s_filter.Decide(s));
    }

    [Theory]
    [InlineData(5, true)] // 5 sentences: not < 5
    [InlineData(4, false)]
    public void Evaluate_AroundMinSentences_TooFewSentences(int lines, bool keep)
    {
        FilterOutcome outcome = s_filter.Evaluate(string.Join('\n', Enumerable.Range(0, lines).Select(Good)), null);
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.C4TooFewSentences), outcome.Verdict);
        Assert.Equal(keep ? string.Join('\n', Enumerable.Range(0, lines).Select(Good)) : null, outcome.RewrittenText);
    }

    [Theory]
    [InlineData("One. Two three! Four?", 3)]
    [InlineData("He said \"stop.\" Then left.", 2)]
    [InlineData("No end mark at all", 1)]
    [InlineData("Wait... what happened here.", 2)]
    public void ComputeSignals_SentenceRule_CountsBoundaries(string line, int expected)
    {
        var filter = new C4QualityFilter(new C4QualityOptions { FilterNoTerminalPunct = false, MinWordsPerLine = null });
        Assert.Equal(expected, filter.ComputeSignals(line).SentenceCount);
    }

    [Fact]
    public void Evaluate_LoremIpsum_DropsDocument()
    {
        string text = string.Join('\n', Enumerable.Range(0, 6).Select(Good)) + "\nLorem Ipsum dolor sit amet.";
        Assert.Equal(FilterVerdict.Drop(FilterReasons.C4LoremIpsum), s_filter.Evaluate(text, null).Verdict);
    }

    [Fact]
    public void Evaluate_LoremIpsumOnDroppedLine_IsNotSeenAsDatatrove()
    {
        // The lorem line lacks terminal punctuation, so it is dropped before the lorem check is reached.
        string text = string.Join('\n', Enumerable.Range(0, 6).Select(Good)) + "\nlorem ipsum dolor sit amet";
        Assert.True(s_filter.Evaluate(text, null).Verdict.Keep);
    }

    [Fact]
    public void Evaluate_CurlyBracketBeforeLorem_DropsForCurlyBracket()
    {
        string text = "The code uses { braces } here.\nLorem ipsum dolor sit amet.\n" + string.Join('\n', Enumerable.Range(0, 6).Select(Good));
        C4QualitySignals s = s_filter.ComputeSignals(text);
        Assert.Equal(0, s.CurlyBracketLine);
        Assert.Equal(1, s.LoremIpsumLine);
        Assert.Equal(FilterVerdict.Drop(FilterReasons.C4CurlyBracket), s_filter.Decide(s));
        var noCurly = new C4QualityFilter(new C4QualityOptions { FilterCurlyBracket = false });
        Assert.Equal(FilterVerdict.Drop(FilterReasons.C4LoremIpsum), noCurly.Decide(s));
    }

    [Fact]
    public void Evaluate_CurlyBracketOnJavascriptLine_LineDroppedFirst()
    {
        string text = "Enable javascript { now } please.\n" + string.Join('\n', Enumerable.Range(0, 5).Select(Good));
        Assert.True(s_filter.Evaluate(text, null).Verdict.Keep);
    }

    [Fact]
    public void Evaluate_FineWebSettings_KeepsLinesWithoutTerminalPunctuation()
    {
        var fineweb = new C4QualityFilter(new C4QualityOptions { FilterNoTerminalPunct = false });
        string text = string.Join('\n', Enumerable.Range(0, 5).Select(i => $"Heading without a final mark {i}"));
        Assert.Equal(FilterVerdict.Drop(FilterReasons.C4TooFewSentences), s_filter.Evaluate(text, null).Verdict);
        FilterOutcome outcome = fineweb.Evaluate(text, null);
        Assert.True(outcome.Verdict.Keep);
        Assert.Equal(text, outcome.RewrittenText);
    }
}
