namespace CurationPipeline.Filters;

/// <summary>What <see cref="GopherQualityFilter"/> measured on one document; ratios with a zero denominator are 0.</summary>
/// <param name="WordCount">All tokens, symbol tokens included (the denominator of the symbol and alpha ratios).</param>
/// <param name="NonSymbolWordCount">Tokens with at least one character outside the punctuation set.</param>
/// <param name="MeanWordLength">Mean length of the non-symbol words, in UTF-16 code units.</param>
/// <param name="HashRatio"><c>#</c> count / <paramref name="WordCount"/>.</param>
/// <param name="EllipsisRatio">(<c>...</c> count + <c>…</c> count) / <paramref name="WordCount"/>.</param>
/// <param name="LineCount">Lines by Python's <c>splitlines()</c>.</param>
/// <param name="BulletLinesRatio">Lines starting with <c>•</c> or <c>-</c> / lines.</param>
/// <param name="EllipsisLinesRatio">Lines ending with <c>...</c> or <c>…</c> / lines.</param>
/// <param name="AlphaWordsRatio">Tokens containing a letter / <paramref name="WordCount"/>.</param>
/// <param name="StopWordCount">Distinct stop words present.</param>
public sealed record GopherQualitySignals(
    int WordCount,
    int NonSymbolWordCount,
    double MeanWordLength,
    double HashRatio,
    double EllipsisRatio,
    int LineCount,
    double BulletLinesRatio,
    double EllipsisLinesRatio,
    double AlphaWordsRatio,
    int StopWordCount);
