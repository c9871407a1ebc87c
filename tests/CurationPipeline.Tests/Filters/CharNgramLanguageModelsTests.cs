using System.IO.Compression;
using System.Text;
using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class CharNgramLanguageModelsTests
{
    /// <summary>
    /// Two made-up languages in Lingua's file format. aa: P(a) = P(b) = 1/2, P(b|a) = 1. bb: P(a) = 1/4, P(b) = 3/4, no bigrams.
    /// </summary>
    private static string TwoLanguages()
    {
        string root = TestData.NewTempDirectory();
        Write(root, "aa", "unigrams", """{"language":"AA","ngrams":{"1/2":"a b"}}""");
        Write(root, "aa", "bigrams", """{"language":"AA","ngrams":{"1/1":"ab"}}""");
        Write(root, "bb", "unigrams", """{"language":"BB","ngrams":{"1/4":"a","3/4":"b"}}""");
        return root;
    }

    [Fact]
    public void Classify_TwoLetterWord_HandComputedPosterior()
    {
        CharNgramLanguageModels models = CharNgramLanguageModels.Load(TwoLanguages(), []);
        // aa: ln P(a) + ln P(b|a) = ln 0.5 + ln 1 = -0.693147.
        // bb: ln P(a) + (ln 0.4 + ln P(b)) = ln 0.25 + ln 0.4 + ln 0.75 = -1.386294 - 0.916291 - 0.287682 = -2.590267 (no bigram: one backoff).
        // Posterior of aa: 1 / (1 + e^(-2.590267 + 0.693147)) = 1 / (1 + e^-1.897120) = 0.869565.
        (int language, double score) = models.Classify("AB");
        Assert.Equal("aa", models.Languages[language]);
        Assert.Equal(0.869565, score, tolerance: 1e-5);
    }

    [Fact]
    public void Classify_OnlyLetterBothLack_TieAtHalf()
    {
        CharNgramLanguageModels models = CharNgramLanguageModels.Load(TwoLanguages(), []);
        Assert.Equal(0.5, models.Classify("c").Score, 6); // both score UnseenLog
    }

    [Fact]
    public void Classify_NonLettersSplitWords_EachWordStartsAtTheUnigram()
    {
        CharNgramLanguageModels models = CharNgramLanguageModels.Load(TwoLanguages(), []);
        // "b b": two one-letter words: aa 2 ln 0.5 = -1.386294, bb 2 ln 0.75 = -0.575364; posterior of bb 1 / (1 + e^-0.810930) = 0.692308.
        (int language, double score) = models.Classify("b, b");
        Assert.Equal("bb", models.Languages[language]);
        Assert.Equal(0.692308, score, tolerance: 1e-5);
        Assert.Equal((-1, 0.0), models.Classify("1 2 3 !"));
    }

    [Fact]
    public void Classify_HalfInEachLanguage_ScoreIsTheAgreeingShare()
    {
        CharNgramLanguageModels models = CharNgramLanguageModels.Load(TwoLanguages(), []);
        // 32 words "ab" (64 letters: the first window, aa's: -0.693 vs -2.590 each) then 64 words "b" (the second window, bb's:
        // ln 0.5 vs ln 0.75 each). Totals aa -66.54, bb -101.30: aa wins with a posterior of 1 − 8e-16, but only half the
        // letters sit in windows that pick aa, so the score is 0.5.
        string text = string.Join(' ', Enumerable.Repeat("ab", 32)) + " " + string.Join(' ', Enumerable.Repeat("b", 64));
        (int language, double score) = models.Classify(text);
        Assert.Equal("aa", models.Languages[language]);
        Assert.Equal(0.5, score, 6);
    }

    [Fact]
    public void Load_UnknownCodeOrMissingFolder_ClearErrors()
    {
        string root = TwoLanguages();
        var unknown = Assert.Throws<ArgumentOutOfRangeException>(() => CharNgramLanguageModels.Load(root, ["aa", "xx"]));
        Assert.Contains("available: aa bb", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => CharNgramLanguageModels.Load(Path.Combine(root, "missing"), []));
        Assert.Equal(["aa"], CharNgramLanguageModels.Load(root, ["AA"]).Languages);
    }

    [Fact]
    public void Load_BadProbability_InvalidData()
    {
        string root = TestData.NewTempDirectory();
        Write(root, "aa", "unigrams", """{"language":"AA","ngrams":{"3/2":"a"}}""");
        Assert.Throws<InvalidDataException>(() => CharNgramLanguageModels.Load(root, []));
    }

    [Theory]
    [InlineData("東京は日本の首都です。人口はとても多いです。", "ja")]   // kana among the Han letters
    [InlineData("北京是中国的首都，人口很多。", "zh")]                   // simplified Han only: Lingua's zh model is traditional, the script rule decides
    [InlineData("서울은 한국의 수도입니다.", "ko")]
    public void Classify_CjkScripts_DecidedByScriptRule(string text, string expected)
    {
        CharNgramLanguageModels models = CharNgramLanguageModels.Load(CharNgramLanguageModels.DefaultDirectory, []);
        (int language, double score) = models.Classify(text);
        Assert.Equal(expected, models.Languages[language]);
        Assert.Equal(1.0, score, 6); // every letter is in the deciding script group
    }

    private static void Write(string root, string language, string order, string json)
    {
        string folder = Directory.CreateDirectory(Path.Combine(root, language)).FullName;
        using var brotli = new BrotliStream(File.Create(Path.Combine(folder, order + ".json.br")), CompressionLevel.Fastest);
        brotli.Write(Encoding.UTF8.GetBytes(json));
    }
}
