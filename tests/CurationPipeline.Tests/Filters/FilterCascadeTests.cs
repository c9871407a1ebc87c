using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

/// <summary>FineWeb's order (language, Gopher repetition, Gopher quality, C4 without the punctuation rule, FineWeb) over crafted and real documents.</summary>
public sealed class FilterCascadeTests
{
    private static readonly ITextFilter[] s_fineWeb =
    [
        new LanguageIdentifier(new LanguageIdOptions()),
        new GopherRepetitionFilter(new GopherRepetitionOptions()),
        new GopherQualityFilter(new GopherQualityOptions()),
        new C4QualityFilter(new C4QualityOptions { FilterNoTerminalPunct = false }),
        new FineWebQualityFilter(new FineWebQualityOptions()),
    ];

    /// <summary>Runs the cascade; returns the first drop reason, or null with the (possibly rewritten) text.</summary>
    internal static (string? Reason, string Text) Run(IReadOnlyList<ITextFilter> filters, string text)
    {
        foreach (ITextFilter filter in filters)
        {
            FilterOutcome outcome = filter.Evaluate(text, null);
            if (!outcome.Verdict.Keep)
            {
                return (outcome.Verdict.Reason, text);
            }

            text = outcome.RewrittenText ?? text;
        }

        return (null, text);
    }

    /// <summary>The first real article the whole cascade keeps: varied, punctuated English prose.</summary>
    private static string Prose() => RealText.Articles().First(a => a.Length > 2000 && Run(s_fineWeb, a).Reason is null);

    /// <summary>The same article with the final punctuation of every line removed.</summary>
    private static string Unpunctuated() => string.Join('\n', Prose().Split('\n').Select(l => l.TrimEnd(".!?'\"\u201D\u2019\u2026 ".ToCharArray())));

    public static TheoryData<string, string?> Documents => new()
    {
        { "prose", null },
        { "short", FilterReasons.RepetitionTop2Gram }, // confidently English; "too short" is 9 of 27 chars (> 0.20): datatrove counts a top 2-gram seen once
        { "german", FilterReasons.LanguageNotKept },
        { "repeated paragraphs", FilterReasons.RepetitionDupParaFrac },
        { "repeated lines", FilterReasons.RepetitionDupLineFrac },
        { "lorem ipsum", FilterReasons.C4LoremIpsum },
        { "curly bracket", FilterReasons.C4CurlyBracket },
        { "hashtags", FilterReasons.GopherTooManyHashes },
        { "unpunctuated", FilterReasons.FineWebLinePunctRatio },
    };

    internal static string Make(string kind) => kind switch
    {
        "prose" => Prose(),
        "short" => "Too short to be a document.",
        "german" => "Der Ausschuss traf sich am Dienstag, um über den Haushalt für das kommende Jahr zu beraten. "
            + "Die meisten Mitglieder waren sich einig, dass die Ausgaben für Schulen steigen sollten.",
        "repeated paragraphs" => string.Join("\n\n", Enumerable.Repeat("Buy cheap watches online today and save.", 10)),
        "repeated lines" => string.Join('\n', Enumerable.Repeat("Buy cheap watches online today and save.", 10)),
        "lorem ipsum" => Prose() + "\nLorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "curly bracket" => Prose() + "\nThe function body { return 0; } is short.",
        "hashtags" => Prose() + "\n" + string.Join(' ', Enumerable.Range(0, 400).Select(i => $"#tag{i}")),
        _ => Unpunctuated(),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Run_CraftedDocument_LandsWithExpectedReason(string kind, string? reason) =>
        Assert.Equal(reason, Run(s_fineWeb, Make(kind)).Reason);

    private const string GermanProse =
        "Die Stadtbibliothek wurde im vergangenen Jahr vollständig renoviert und hat nun deutlich längere Öffnungszeiten.\n"
        + "Besucher finden im Erdgeschoss eine neue Leseecke mit bequemen Sesseln, großen Fenstern und einer kleinen Auswahl an Zeitungen.\n"
        + "Im ersten Stock stehen Computer zur Verfügung, an denen Schüler ihre Hausaufgaben erledigen oder Bewerbungen schreiben können.\n"
        + "Die Leiterin erklärte, dass die Zahl der Ausleihen seit der Wiedereröffnung um fast ein Drittel gestiegen sei.\n"
        + "Besonders beliebt seien Romane, Reiseführer und Kochbücher, aber auch Hörbücher für lange Autofahrten würden oft nachgefragt.\n"
        + "Für den Herbst plant das Team eine Reihe von Lesungen mit Autorinnen und Autoren aus der Region.";

    [Fact]
    public void Run_GermanProse_DroppedOnlyByLanguageRuleWhenConfigured()
    {
        // The English run drops it for its language; a multilingual run (keep any language, German stop words) keeps it.
        Assert.Equal(FilterReasons.LanguageNotKept, Run(s_fineWeb, GermanProse).Reason);
        ITextFilter[] multilingual =
        [
            new LanguageIdentifier(new LanguageIdOptions { KeepLanguages = [] }),
            new GopherRepetitionFilter(new GopherRepetitionOptions()),
            new GopherQualityFilter(new GopherQualityOptions { StopWords = ["der", "die", "das", "und", "mit", "für", "ein", "eine"] }),
            new C4QualityFilter(new C4QualityOptions { FilterNoTerminalPunct = false }),
            new FineWebQualityFilter(new FineWebQualityOptions()),
        ];
        Assert.Equal((null, GermanProse), Run(multilingual, GermanProse));
    }

    [Fact]
    public void Run_RealArticles_MostKeptAndEveryReasonIsAFilterReason()
    {
        IReadOnlyList<string> articles = RealText.Articles();
        var reasons = articles.Select(a => Run(s_fineWeb, a).Reason).ToArray();
        string[] known = typeof(FilterReasons).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();
        Assert.All(reasons, r => Assert.True(r is null || known.Contains(r), r));
        int kept = reasons.Count(r => r is null);
        Assert.True(kept >= articles.Count / 2, $"{kept} of {articles.Count} real articles kept");
    }
}
