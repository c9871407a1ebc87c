using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier s_english = new(new LanguageIdOptions());

    public static TheoryData<string, string> Texts => new()
    {
        { "The committee met on Tuesday to discuss the budget for the coming year, and most members agreed that spending on schools should rise.", "en" },
        { "Der Ausschuss traf sich am Dienstag, um über den Haushalt für das kommende Jahr zu beraten, und die meisten Mitglieder waren sich einig.", "de" },
        { "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine, et la plupart des membres étaient d'accord.", "fr" },
        { "Komitet spotkał się we wtorek, aby omówić budżet na przyszły rok, a większość członków zgodziła się, że wydatki wzrosną.", "pl" },
        { "委员会星期二开会讨论明年的预算，大多数成员同意学校的开支应该增加。", "zh" },
        { "委員会は火曜日に集まり、来年の予算について話し合いました。ほとんどの委員が学校への支出を増やすべきだと考えました。", "ja" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ComputeSignals_Paragraph_DetectsLanguageWithHighScore(string text, string expected)
    {
        LanguageSignals s = s_english.ComputeSignals(text);
        Assert.Equal(expected, s.Language);
        Assert.InRange(s.Score, 0.65, 1.0);
        Assert.Equal(expected == "en" ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.LanguageNotKept), s_english.Decide(s));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345 67890 !!! ???")]
    public void ComputeSignals_NoLetters_Unknown(string text)
    {
        LanguageSignals s = s_english.ComputeSignals(text);
        Assert.Equal(new LanguageSignals(LanguageIdentifier.Unknown, 0), s);
        Assert.Equal(FilterVerdict.Drop(FilterReasons.LanguageNotKept), s_english.Decide(s));
    }

    [Theory]
    [InlineData(0.65, false)] // datatrove keeps score > threshold: equal is dropped
    [InlineData(0.6500001, true)]
    public void Decide_AroundMinScore_LowScore(double score, bool keep) =>
        Assert.Equal(keep ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.LanguageLowScore), s_english.Decide(new LanguageSignals("en", score)));

    [Fact]
    public void Decide_EmptyKeepList_KeepsAnyConfidentLanguage()
    {
        var any = new LanguageIdentifier(new LanguageIdOptions { KeepLanguages = [] });
        Assert.Equal(FilterVerdict.Kept, any.Decide(new LanguageSignals("de", 0.9)));
        Assert.Equal(FilterVerdict.Drop(FilterReasons.LanguageLowScore), any.Decide(new LanguageSignals("de", 0.5)));
    }

    [Fact]
    public void Constructor_UnknownCandidateCode_ThrowsNamingProperty()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LanguageIdentifier(new LanguageIdOptions { CandidateLanguages = ["en", "xx"] }));
        Assert.Equal(nameof(LanguageIdOptions.CandidateLanguages), ex.ParamName);
    }

    [Fact]
    public void ComputeSignals_LongText_ReadsOnlyThePrefix()
    {
        // 3,120 chars of English then German: the 300-char prefix decides.
        string english = string.Concat(Enumerable.Repeat("The committee met on Tuesday to discuss the budget. ", 60));
        string german = string.Concat(Enumerable.Repeat("Der Ausschuss traf sich am Dienstag, um den Haushalt zu beraten. ", 200));
        Assert.Equal("en", s_english.ComputeSignals(english + german).Language);
    }
}
