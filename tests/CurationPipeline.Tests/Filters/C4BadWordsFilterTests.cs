using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class C4BadWordsFilterTests : IDisposable
{
    private readonly string _dir = TestData.NewTempDirectory();

    [Theory]
    [InlineData("A perfectly clean sentence.", 0)]
    [InlineData("This has a BadWord in it.", 1)] // case-insensitive
    [InlineData("badwordy is a different word.", 0)] // word boundary required
    [InlineData("Two words here, and badword, badword.", 3)] // a phrase and two single words
    public void ComputeSignals_Text_CountsMatchesAtWordBoundaries(string text, int matches)
    {
        var filter = new C4BadWordsFilter(new C4BadWordsOptions { WordListPath = List("badword\ntwo words\n") });
        C4BadWordsSignals s = filter.ComputeSignals(text);
        Assert.Equal(matches, s.BadWordMatches);
        Assert.Equal(matches == 0 ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.C4BadWords), filter.Decide(s));
    }

    [Fact]
    public void ComputeSignals_MatchInsideWords_ForUnspacedLanguages()
    {
        var filter = new C4BadWordsFilter(new C4BadWordsOptions { WordListPath = List("坏词\n"), MatchInsideWords = true });
        Assert.Equal(1, filter.ComputeSignals("这是一个坏词句子。").BadWordMatches);
    }

    [Fact]
    public void Constructor_NoPath_ThrowsNamingProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new C4BadWordsFilter(new C4BadWordsOptions { WordListPath = " " }));
        Assert.Equal(nameof(C4BadWordsOptions.WordListPath), ex.ParamName);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string List(string content)
    {
        string path = Path.Combine(_dir, "words.txt");
        File.WriteAllText(path, content);
        return path;
    }
}
