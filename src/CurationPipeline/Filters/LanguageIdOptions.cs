namespace CurationPipeline.Filters;

/// <summary>Options of <see cref="LanguageIdentifier"/>: which languages the detector knows, how much text it reads, and what it keeps.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="KeepLanguages"/></term><description><c>["en"]</c> (FineWeb's English run; empty keeps every language)</description></item>
/// <item><term><see cref="MinScore"/></term><description>0.65 (keep when the score is strictly greater, as datatrove's <c>LanguageFilter</c>).
/// The score is not a bare posterior: it falls with the share of text in other languages (a page half English, half French
/// scores about 0.5), while sibling languages a window cannot tell apart do not lower it. 4 of 433 real pages score 0.65 or
/// less: a Portuguese results table, two name-heavy English pages and a LaTeX-heavy math page (math pages score low with
/// fastText too; a pipeline that only tags languages should set 0)</description></item>
/// <item><term><see cref="CandidateLanguages"/></term><description>empty = all 79 languages with a model (restricting the set forces wrong answers for text in other languages)</description></item>
/// <item><term><see cref="MaxChars"/></term><description>1,000 (only the first 1,000 characters are classified: enough for a
/// confident answer on web pages, about 25,000 documents/s per core)</description></item>
/// <item><term><see cref="ModelsDirectory"/></term><description><c>null</c>: <c>Lingua/LanguageModels</c> under the application folder, where the SearchPioneer.Lingua package puts them</description></item>
/// </list>
/// </remarks>
public sealed record LanguageIdOptions
{
    /// <summary>ISO 639-1 codes of the languages to keep; empty keeps any language scoring above <see cref="MinScore"/>.</summary>
    public IReadOnlyList<string> KeepLanguages { get; init; } = ["en"];

    /// <summary>The score a document's top language must exceed.</summary>
    public double MinScore { get; init; } = 0.65;

    /// <summary>ISO 639-1 codes of the languages the detector chooses among; empty means all.</summary>
    public IReadOnlyList<string> CandidateLanguages { get; init; } = [];

    /// <summary>How many leading characters of a document are classified.</summary>
    public int MaxChars { get; init; } = 1000;

    /// <summary>Where the per-language n-gram files (Lingua's format) are; <c>null</c> for the default beside the application.</summary>
    public string? ModelsDirectory { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        GopherQualityOptions.Ratio(MinScore, nameof(MinScore));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChars, 1, nameof(MaxChars));
        ArgumentNullException.ThrowIfNull(KeepLanguages, nameof(KeepLanguages));
        ArgumentNullException.ThrowIfNull(CandidateLanguages, nameof(CandidateLanguages));

        // A code without a model would silently drop (keep_languages) or never match (candidate_languages) every document. A custom
        // models_directory may still be relative here; LanguageIdentifier checks those codes against what it loaded.
        if (ModelsDirectory is null && Directory.Exists(CharNgramLanguageModels.DefaultDirectory))
        {
            IReadOnlySet<string> known = CharNgramLanguageModels.AvailableLanguages(CharNgramLanguageModels.DefaultDirectory);
            CheckKnown(KeepLanguages, known, nameof(KeepLanguages));
            CheckKnown(CandidateLanguages, known, nameof(CandidateLanguages));
        }
    }

    /// <summary>Throws when a code of <paramref name="codes"/> is not in <paramref name="known"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A code is unknown; the message lists the known codes.</exception>
    internal static void CheckKnown(IReadOnlyList<string> codes, IReadOnlySet<string> known, string parameter)
    {
        foreach (string code in codes)
        {
            if (!known.Contains(code.ToLowerInvariant()))
            {
                throw new ArgumentOutOfRangeException(parameter, code,
                    $"Unknown language code '{code}': the language identifier has models for {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }
        }
    }
}
