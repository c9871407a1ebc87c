using System.Collections.Frozen;

namespace CurationPipeline.Filters;

/// <summary>
/// The filters a pipeline's <c>filters:</c> list can name, by YAML key. <see cref="Default"/> is the one place a filter is
/// registered: a new filter is its own file (options, signals, decision, reason codes) plus one line here.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FilterRegistry
{
    private readonly FrozenDictionary<string, FilterDefinition> _byKey;

    /// <summary>Creates a registry of <paramref name="definitions"/>.</summary>
    /// <param name="definitions">The definitions; keys must be distinct.</param>
    /// <exception cref="ArgumentException">Two definitions share a key.</exception>
    public FilterRegistry(IEnumerable<FilterDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = [.. definitions];
        string? duplicate = Definitions.GroupBy(d => d.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Filter key '{duplicate}' is registered twice.", nameof(definitions));
        }

        _byKey = Definitions.ToFrozenDictionary(d => d.Key, StringComparer.Ordinal);
    }

    /// <summary>The built-in filters.</summary>
    public static FilterRegistry Default { get; } = new(
    [
        FilterDefinition.For<LanguageIdOptions, LanguageSignals>("language", o => new LanguageIdentifier(o), o => o.Validate())
            .WithFolder<LanguageIdOptions>(o => o.ModelsDirectory, (o, p) => o with { ModelsDirectory = p })
            .WithThresholds<LanguageIdOptions>(o => [("score", o.MinScore)]),
        FilterDefinition.For<UrlFilterOptions, UrlSignals>("url", o => new UrlFilter(o), o => o.Validate())
            .WithFile<UrlFilterOptions>(o => o.BlockedDomainsPath, (o, p) => o with { BlockedDomainsPath = p })
            .WithFile<UrlFilterOptions>(o => o.BlockedUrlsPath, (o, p) => o with { BlockedUrlsPath = p })
            .WithFile<UrlFilterOptions>(o => o.BannedWordsPath, (o, p) => o with { BannedWordsPath = p })
            .WithFile<UrlFilterOptions>(o => o.SoftBannedWordsPath, (o, p) => o with { SoftBannedWordsPath = p })
            .WithFile<UrlFilterOptions>(o => o.BannedSubwordsPath, (o, p) => o with { BannedSubwordsPath = p }),
        FilterDefinition.For<GopherRepetitionOptions, GopherRepetitionSignals>("gopher_repetition", o => new GopherRepetitionFilter(o), o => o.Validate())
            .WithThresholds<GopherRepetitionOptions>(o =>
            [
                ("dup_para_frac", o.DupParaFrac), ("dup_para_char_frac", o.DupParaCharFrac), ("dup_line_frac", o.DupLineFrac),
                ("dup_line_char_frac", o.DupLineCharFrac), ("top2_gram_char_frac", o.Top2GramCharFrac), ("top3_gram_char_frac", o.Top3GramCharFrac),
                ("top4_gram_char_frac", o.Top4GramCharFrac), ("dup5_gram_char_frac", o.Dup5GramCharFrac), ("dup6_gram_char_frac", o.Dup6GramCharFrac),
                ("dup7_gram_char_frac", o.Dup7GramCharFrac), ("dup8_gram_char_frac", o.Dup8GramCharFrac), ("dup9_gram_char_frac", o.Dup9GramCharFrac),
                ("dup10_gram_char_frac", o.Dup10GramCharFrac),
            ]),
        FilterDefinition.For<GopherQualityOptions, GopherQualitySignals>("gopher_quality", o => new GopherQualityFilter(o), o => o.Validate())
            .WithThresholds<GopherQualityOptions>(o =>
            [
                ("non_symbol_word_count", o.MinDocWords), ("non_symbol_word_count", o.MaxDocWords), ("mean_word_length", o.MinAvgWordLength),
                ("mean_word_length", o.MaxAvgWordLength), ("hash_ratio", o.MaxSymbolWordRatio), ("ellipsis_ratio", o.MaxSymbolWordRatio),
                ("bullet_lines_ratio", o.MaxBulletLinesRatio), ("ellipsis_lines_ratio", o.MaxEllipsisLinesRatio),
                ("alpha_words_ratio", o.MinAlphaWordsRatio), ("stop_word_count", o.MinStopWords),
            ]),
        FilterDefinition.For<C4QualityOptions, C4QualitySignals>("c4", o => new C4QualityFilter(o), o => o.Validate())
            .WithThresholds<C4QualityOptions>(o => [("sentence_count", o.MinSentences)]),
        FilterDefinition.For<C4BadWordsOptions, C4BadWordsSignals>("c4_badwords", o => new C4BadWordsFilter(o), o => o.Validate())
            .WithFile<C4BadWordsOptions>(o => o.WordListPath, (o, p) => o with { WordListPath = p! }),
        FilterDefinition.For<FineWebQualityOptions, FineWebQualitySignals>("fineweb", o => new FineWebQualityFilter(o), o => o.Validate())
            .WithThresholds<FineWebQualityOptions>(o =>
            [
                ("line_punct_ratio", o.LinePunctThreshold), ("short_line_ratio", o.ShortLineThreshold),
                ("char_duplicates_ratio", o.CharDuplicatesRatio), ("new_line_ratio", o.NewLineRatio),
            ]),
        FilterDefinition.For<MaxLineLengthOptions, MaxLineLengthSignals>("max_line_length", o => new MaxLineLengthFilter(o), o => o.Validate())
            .WithThresholds<MaxLineLengthOptions>(o => [("longest_line", o.MaxChars)]),
        FilterDefinition.For<DecontaminationOptions, DecontaminationSignals>("decontam", o => new DecontaminationFilter(o), o => o.Validate())
            .WithFiles<DecontaminationOptions>(o => [.. o.Benchmarks.Values], (o, paths) => o with { Benchmarks = o.Benchmarks.Keys.Zip(paths).ToDictionary(StringComparer.Ordinal) }),
    ]);

    /// <summary>Every definition, in registration order.</summary>
    public IReadOnlyList<FilterDefinition> Definitions { get; }

    /// <summary>Looks up the filter registered as <paramref name="key"/>.</summary>
    /// <param name="key">A YAML key such as <c>fineweb</c>.</param>
    /// <param name="definition">The definition, when found.</param>
    /// <returns>Whether <paramref name="key"/> is registered.</returns>
    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out FilterDefinition definition) =>
        _byKey.TryGetValue(key, out definition);

    /// <summary>The filter registered as <paramref name="key"/>.</summary>
    /// <param name="key">A YAML key such as <c>fineweb</c>.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="KeyNotFoundException">No filter is registered as <paramref name="key"/>; the message lists the known keys.</exception>
    public FilterDefinition Get(string key) =>
        TryGet(key, out FilterDefinition? definition)
            ? definition
            : throw new KeyNotFoundException($"No filter is registered as '{key}' (known: {KnownKeys}).");

    /// <summary>The registered keys, comma-separated in registration order (for error messages).</summary>
    public string KnownKeys => string.Join(", ", Definitions.Select(d => d.Key));
}
