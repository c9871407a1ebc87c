namespace CurationPipeline.Filters;

/// <summary>Stable reason codes of the heuristic filters, <c>{filter}.{rule}</c>; the rule names follow datatrove's.</summary>
public static class FilterReasons
{
    /// <summary>Fewer non-symbol words than <see cref="GopherQualityOptions.MinDocWords"/>.</summary>
    public const string GopherShortDoc = "gopher_quality.short_doc";

    /// <summary>More non-symbol words than <see cref="GopherQualityOptions.MaxDocWords"/>.</summary>
    public const string GopherLongDoc = "gopher_quality.long_doc";

    /// <summary>Mean non-symbol word length below <see cref="GopherQualityOptions.MinAvgWordLength"/>.</summary>
    public const string GopherBelowAvgWordLength = "gopher_quality.below_avg_word_length";

    /// <summary>Mean non-symbol word length above <see cref="GopherQualityOptions.MaxAvgWordLength"/>.</summary>
    public const string GopherAboveAvgWordLength = "gopher_quality.above_avg_word_length";

    /// <summary><c>#</c> per word above <see cref="GopherQualityOptions.MaxSymbolWordRatio"/>.</summary>
    public const string GopherTooManyHashes = "gopher_quality.too_many_hashes";

    /// <summary>Ellipses per word above <see cref="GopherQualityOptions.MaxSymbolWordRatio"/>.</summary>
    public const string GopherTooManyEllipsis = "gopher_quality.too_many_ellipsis";

    /// <summary>Share of lines starting with a bullet above <see cref="GopherQualityOptions.MaxBulletLinesRatio"/>.</summary>
    public const string GopherTooManyBullets = "gopher_quality.too_many_bullets";

    /// <summary>Share of lines ending with an ellipsis above <see cref="GopherQualityOptions.MaxEllipsisLinesRatio"/>.</summary>
    public const string GopherTooManyEndEllipsis = "gopher_quality.too_many_end_ellipsis";

    /// <summary>Share of words with a letter below <see cref="GopherQualityOptions.MinAlphaWordsRatio"/>.</summary>
    public const string GopherBelowAlphaThreshold = "gopher_quality.below_alpha_threshold";

    /// <summary>Fewer distinct stop words than <see cref="GopherQualityOptions.MinStopWords"/>.</summary>
    public const string GopherNotEnoughStopWords = "gopher_quality.not_enough_stop_words";

    /// <summary>Duplicate paragraphs / paragraphs above the threshold.</summary>
    public const string RepetitionDupParaFrac = "gopher_repetition.dup_para_frac";

    /// <summary>Characters in duplicate paragraphs / characters above the threshold.</summary>
    public const string RepetitionDupParaCharFrac = "gopher_repetition.dup_para_char_frac";

    /// <summary>Duplicate lines / lines above the threshold.</summary>
    public const string RepetitionDupLineFrac = "gopher_repetition.dup_line_frac";

    /// <summary>Characters in duplicate lines / characters above the threshold.</summary>
    public const string RepetitionDupLineCharFrac = "gopher_repetition.dup_line_char_frac";

    /// <summary>The most frequent 2-gram covers too many characters.</summary>
    public const string RepetitionTop2Gram = "gopher_repetition.top_2_gram";

    /// <summary>The most frequent 3-gram covers too many characters.</summary>
    public const string RepetitionTop3Gram = "gopher_repetition.top_3_gram";

    /// <summary>The most frequent 4-gram covers too many characters.</summary>
    public const string RepetitionTop4Gram = "gopher_repetition.top_4_gram";

    /// <summary>Duplicated 5-grams cover too many characters.</summary>
    public const string RepetitionDuplicated5Grams = "gopher_repetition.duplicated_5_n_grams";

    /// <summary>Duplicated 6-grams cover too many characters.</summary>
    public const string RepetitionDuplicated6Grams = "gopher_repetition.duplicated_6_n_grams";

    /// <summary>Duplicated 7-grams cover too many characters.</summary>
    public const string RepetitionDuplicated7Grams = "gopher_repetition.duplicated_7_n_grams";

    /// <summary>Duplicated 8-grams cover too many characters.</summary>
    public const string RepetitionDuplicated8Grams = "gopher_repetition.duplicated_8_n_grams";

    /// <summary>Duplicated 9-grams cover too many characters.</summary>
    public const string RepetitionDuplicated9Grams = "gopher_repetition.duplicated_9_n_grams";

    /// <summary>Duplicated 10-grams cover too many characters.</summary>
    public const string RepetitionDuplicated10Grams = "gopher_repetition.duplicated_10_n_grams";

    /// <summary>An empty document (no characters), which no repetition fraction is defined for.</summary>
    public const string RepetitionEmpty = "gopher_repetition.empty";

    /// <summary>A kept line mentions "lorem ipsum".</summary>
    public const string C4LoremIpsum = "c4.lorem_ipsum";

    /// <summary>A kept line contains a curly bracket.</summary>
    public const string C4CurlyBracket = "c4.curly_bracket";

    /// <summary>Fewer sentences than <see cref="C4QualityOptions.MinSentences"/> after line filtering.</summary>
    public const string C4TooFewSentences = "c4.too_few_sentences";

    /// <summary>The text contains a word from the bad-words list.</summary>
    public const string C4BadWords = "c4_badwords.bad_words";

    /// <summary>No non-blank line at all.</summary>
    public const string FineWebEmpty = "fineweb.empty";

    /// <summary>Share of lines ending in terminal punctuation below the threshold.</summary>
    public const string FineWebLinePunctRatio = "fineweb.line_punct_ratio";

    /// <summary>Share of short lines above the threshold.</summary>
    public const string FineWebShortLineRatio = "fineweb.short_line_ratio";

    /// <summary>Characters in duplicated lines / characters above the threshold.</summary>
    public const string FineWebCharDupRatio = "fineweb.char_dup_ratio";

    /// <summary>Newlines per word above the threshold (list-like pages).</summary>
    public const string FineWebListRatio = "fineweb.list_ratio";

    /// <summary>The detected language is not in <see cref="LanguageIdOptions.KeepLanguages"/>.</summary>
    public const string LanguageNotKept = "language.not_kept";

    /// <summary>The detected language's score is not above <see cref="LanguageIdOptions.MinScore"/>.</summary>
    public const string LanguageLowScore = "language.low_score";

    /// <summary>The URL's host or one of its parent domains is block-listed.</summary>
    public const string UrlBlockedDomain = "url.blocked_domain";

    /// <summary>The full URL is block-listed.</summary>
    public const string UrlBlockedUrl = "url.blocked_url";

    /// <summary>A hard-banned word is one of the URL's words.</summary>
    public const string UrlBannedWord = "url.banned_word";

    /// <summary>At least <see cref="UrlFilterOptions.SoftWordThreshold"/> soft-banned words are among the URL's words.</summary>
    public const string UrlSoftBannedWords = "url.soft_banned_words";

    /// <summary>A banned sub-word occurs in the normalized URL.</summary>
    public const string UrlBannedSubword = "url.banned_subword";

    /// <summary>The URL is present but is not an absolute http(s) URL with a host.</summary>
    public const string UrlInvalid = "url.invalid";
}
