using CurationPipeline.Dedup;

namespace CurationPipeline.Tests.Dedup;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Hello, World!", "hello world")]
    [InlineData("  Café   crème\t\n brûlée ", "cafe creme brulee")]
    [InlineData("Price: 1,234.56 USD (2024)", "price 0 0 usd 0")]
    [InlineData("v1.2.3 build 007", "v0 0 build 0")]
    [InlineData("“Quoted” — dash–es…", "quoted dash es")]
    [InlineData("ÀÉÎÕÜ ÅÇ Ñ", "aeiou ac n")]
    [InlineData("soft\u00ADhyphen zero\u200Bwidth", "softhyphen zerowidth")]
    [InlineData("Ünïcödé 東京 ١٢٣", "unicode 東京 0")]
    [InlineData("!!! ... ---", "")]
    [InlineData("", "")]
    public void Normalize_Text_MatchesSimplifyTextRules(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Normalize_TextsDifferingOnlyInCasePunctuationDigitsAndAccents_AreEqual()
    {
        Assert.Equal(
            TextNormalizer.Normalize("The café opened in 1998, didn't it?"),
            TextNormalizer.Normalize("the CAFE opened in 2003 -- didn t it"));
    }

    [Fact]
    public void Normalize_HangulAndCombiningSequences_FitTheAdvertisedBound()
    {
        // Hangul syllables decompose into several jamo: the worst expansion the bound must cover.
        string text = string.Concat(Enumerable.Repeat("한국어 e\u0301 ", 50));
        char[] destination = new char[TextNormalizer.GetMaxNormalizedLength(text.Length)];

        int written = TextNormalizer.Normalize(text, destination);

        Assert.True(written > text.Length / 2);
        Assert.DoesNotContain('\u0301', destination.AsSpan(0, written).ToArray());
        Assert.Equal(new string(destination, 0, written), TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_DestinationTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => TextNormalizer.Normalize("hello world", new char[4]));
    }
}
