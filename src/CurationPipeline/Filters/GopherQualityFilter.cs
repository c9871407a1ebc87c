using System.Collections.Frozen;
using CurationPipeline.Filters.Internal;
using CurationPipeline.Filters.Text;

namespace CurationPipeline.Filters;

/// <summary>Gopher's quality rules (Rae et al. 2021, datatrove's <c>GopherQualityFilter</c>): word counts, word length, symbols, bullets, ellipses, letters, stop words.</summary>
/// <remarks>
/// Rules are checked in datatrove's order and the first that fails names the reason. Differences from datatrove: words come
/// from <see cref="WordSplitter"/> instead of NLTK (so Chinese, Japanese and Thai text is counted per character), lengths are
/// UTF-16 code units, and ratios with a zero denominator are 0 instead of raising. Thread-safe.
/// </remarks>
public sealed class GopherQualityFilter : ITextFilter
{
    private readonly GopherQualityOptions _options;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stopWords;
    private readonly int _stopWordCount;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Thresholds; validated and copied.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public GopherQualityFilter(GopherQualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { StopWords = [.. options.StopWords] };
        FrozenDictionary<string, int> stopWords = options.StopWords.Distinct(StringComparer.Ordinal)
            .Select((w, i) => KeyValuePair.Create(w, i))
            .ToFrozenDictionary(StringComparer.Ordinal);
        _stopWords = stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _stopWordCount = stopWords.Count;
    }

    /// <inheritdoc/>
    public string Name => "gopher_quality";

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        GopherQualitySignals signals = ComputeSignals(text);
        return new FilterOutcome(Decide(signals), signals, null);
    }

    /// <summary>Measures every signal of <paramref name="text"/> (no early exit, so all columns are filled).</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The signals.</returns>
    public GopherQualitySignals ComputeSignals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> span = text;
        int words = 0, nonSymbol = 0, alpha = 0, stopWords = 0;
        long nonSymbolChars = 0;
        Span<bool> seenStop = _stopWordCount <= 256 ? stackalloc bool[_stopWordCount] : new bool[_stopWordCount];
        foreach (ReadOnlySpan<char> word in WordSplitter.EnumerateWords(span))
        {
            words++;
            if (word.ContainsAnyExcept(CharSets.Punctuation))
            {
                nonSymbol++;
                nonSymbolChars += word.Length;
            }

            if (ContainsLetter(word))
            {
                alpha++;
            }

            if (_stopWords.TryGetValue(word, out int index) && !seenStop[index])
            {
                seenStop[index] = true;
                stopWords++;
            }
        }

        int hashes = span.Count('#');
        int ellipses = span.Count("...") + span.Count('…');

        var lines = new List<TextSpan>();
        PyLines.SplitLines(span, lines);
        int bullets = 0, endEllipsis = 0;
        foreach (TextSpan line in lines)
        {
            ReadOnlySpan<char> l = span.Slice(line.Start, line.Length);
            ReadOnlySpan<char> left = l.TrimStart();
            if (left.StartsWith('•') || left.StartsWith('-'))
            {
                bullets++;
            }

            ReadOnlySpan<char> right = l.TrimEnd();
            if (right.EndsWith("...") || right.EndsWith('…'))
            {
                endEllipsis++;
            }
        }

        return new GopherQualitySignals(
            WordCount: words,
            NonSymbolWordCount: nonSymbol,
            MeanWordLength: Div(nonSymbolChars, nonSymbol),
            HashRatio: Div(hashes, words),
            EllipsisRatio: Div(ellipses, words),
            LineCount: lines.Count,
            BulletLinesRatio: Div(bullets, lines.Count),
            EllipsisLinesRatio: Div(endEllipsis, lines.Count),
            AlphaWordsRatio: Div(alpha, words),
            StopWordCount: stopWords);
    }

    /// <summary>Applies the thresholds to stored signals, in datatrove's order.</summary>
    /// <param name="signals">Signals from <see cref="ComputeSignals"/>.</param>
    /// <returns>Keep, or drop with the first failing rule's reason.</returns>
    public FilterVerdict Decide(GopherQualitySignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        GopherQualityOptions o = _options;
        if (signals.NonSymbolWordCount < o.MinDocWords)
        {
            return FilterVerdict.Drop(FilterReasons.GopherShortDoc);
        }

        if (signals.NonSymbolWordCount > o.MaxDocWords)
        {
            return FilterVerdict.Drop(FilterReasons.GopherLongDoc);
        }

        if (signals.MeanWordLength < o.MinAvgWordLength)
        {
            return FilterVerdict.Drop(FilterReasons.GopherBelowAvgWordLength);
        }

        if (signals.MeanWordLength > o.MaxAvgWordLength)
        {
            return FilterVerdict.Drop(FilterReasons.GopherAboveAvgWordLength);
        }

        if (signals.HashRatio > o.MaxSymbolWordRatio)
        {
            return FilterVerdict.Drop(FilterReasons.GopherTooManyHashes);
        }

        if (signals.EllipsisRatio > o.MaxSymbolWordRatio)
        {
            return FilterVerdict.Drop(FilterReasons.GopherTooManyEllipsis);
        }

        if (signals.BulletLinesRatio > o.MaxBulletLinesRatio)
        {
            return FilterVerdict.Drop(FilterReasons.GopherTooManyBullets);
        }

        if (signals.EllipsisLinesRatio > o.MaxEllipsisLinesRatio)
        {
            return FilterVerdict.Drop(FilterReasons.GopherTooManyEndEllipsis);
        }

        if (signals.AlphaWordsRatio < o.MinAlphaWordsRatio)
        {
            return FilterVerdict.Drop(FilterReasons.GopherBelowAlphaThreshold);
        }

        return signals.StopWordCount < o.MinStopWords ? FilterVerdict.Drop(FilterReasons.GopherNotEnoughStopWords) : FilterVerdict.Kept;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static double Div(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

/// <content>The reason codes of <see cref="GopherQualityFilter"/>.</content>
public static partial class FilterReasons
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
}
