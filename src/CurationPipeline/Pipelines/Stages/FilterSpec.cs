using CurationPipeline.Filters;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>One entry of the <c>filters:</c> list: exactly one filter with its options, e.g. <c>- gopher_quality: { min_doc_words: 50 }</c>.</summary>
public sealed record FilterSpec
{
    /// <summary>Language ID (character trigrams over Lingua's models): keep-list and minimum score.</summary>
    public LanguageIdOptions? Language { get; init; }

    /// <summary>Domain and word block lists.</summary>
    public UrlFilterOptions? Url { get; init; }

    /// <summary>Gopher repetition (duplicate lines, paragraphs, n-grams).</summary>
    public GopherRepetitionOptions? GopherRepetition { get; init; }

    /// <summary>Gopher quality (word counts, symbols, stop words).</summary>
    public GopherQualityOptions? GopherQuality { get; init; }

    /// <summary>C4 line and document rules.</summary>
    public C4QualityOptions? C4 { get; init; }

    /// <summary>C4 bad-words list.</summary>
    public C4BadWordsOptions? C4Badwords { get; init; }

    /// <summary>FineWeb's quality rules.</summary>
    public FineWebQualityOptions? Fineweb { get; init; }

    /// <summary>Checks that the entry names exactly one filter and that its options are valid.</summary>
    /// <exception cref="ArgumentException">The entry names no filter or more than one, or an option is out of range.</exception>
    public void Validate()
    {
        Action?[] validators =
        [
            Language is null ? null : Language.Validate,
            Url is null ? null : Url.Validate,
            GopherRepetition is null ? null : GopherRepetition.Validate,
            GopherQuality is null ? null : GopherQuality.Validate,
            C4 is null ? null : C4.Validate,
            C4Badwords is null ? null : C4Badwords.Validate,
            Fineweb is null ? null : Fineweb.Validate,
        ];
        Action[] named = [.. validators.OfType<Action>()];
        if (named.Length != 1)
        {
            throw new ArgumentException($"A filters entry must name exactly one filter (it names {named.Length}).", "Filters");
        }

        named[0]();
    }

    /// <summary>Builds the one filter this entry names.</summary>
    /// <exception cref="ArgumentException">The entry names no filter or more than one.</exception>
    public ITextFilter Create()
    {
        Validate();
        ITextFilter?[] filters =
        [
            Language is null ? null : new LanguageIdentifier(Language),
            Url is null ? null : new UrlFilter(Url),
            GopherRepetition is null ? null : new GopherRepetitionFilter(GopherRepetition),
            GopherQuality is null ? null : new GopherQualityFilter(GopherQuality),
            C4 is null ? null : new C4QualityFilter(C4),
            C4Badwords is null ? null : new C4BadWordsFilter(C4Badwords),
            Fineweb is null ? null : new FineWebQualityFilter(Fineweb),
        ];
        return filters.OfType<ITextFilter>().Single();
    }
}
