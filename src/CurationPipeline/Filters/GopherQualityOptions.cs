namespace CurationPipeline.Filters;

/// <summary>Thresholds of <see cref="GopherQualityFilter"/> (Gopher paper, datatrove's defaults). <c>null</c> disables a rule.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default (reject if …)</description></listheader>
/// <item><term><see cref="MinDocWords"/></term><description>50 (non-symbol words &lt; 50)</description></item>
/// <item><term><see cref="MaxDocWords"/></term><description>100,000 (non-symbol words &gt; 100,000)</description></item>
/// <item><term><see cref="MinAvgWordLength"/></term><description>3 (mean non-symbol word length &lt; 3)</description></item>
/// <item><term><see cref="MaxAvgWordLength"/></term><description>10 (mean non-symbol word length &gt; 10)</description></item>
/// <item><term><see cref="MaxSymbolWordRatio"/></term><description>0.1 (<c>#</c> / words &gt; 0.1, or (<c>...</c> + <c>…</c>) / words &gt; 0.1)</description></item>
/// <item><term><see cref="MaxBulletLinesRatio"/></term><description>0.9 (lines starting with <c>•</c> or <c>-</c> / lines &gt; 0.9)</description></item>
/// <item><term><see cref="MaxEllipsisLinesRatio"/></term><description>0.3 (lines ending with <c>...</c> or <c>…</c> / lines &gt; 0.3)</description></item>
/// <item><term><see cref="MinAlphaWordsRatio"/></term><description>0.8 (words with a letter / words &lt; 0.8)</description></item>
/// <item><term><see cref="MinStopWords"/></term><description>2 (distinct stop words present &lt; 2)</description></item>
/// <item><term><see cref="StopWords"/></term><description><c>the be to of and that have with</c> (case-sensitive, as datatrove)</description></item>
/// </list>
/// "Words" are <see cref="Text.WordSplitter"/> tokens; a non-symbol word has a character outside datatrove's punctuation set.
/// </remarks>
public sealed record GopherQualityOptions
{
    /// <summary>Minimum number of non-symbol words.</summary>
    public int? MinDocWords { get; init; } = 50;

    /// <summary>Maximum number of non-symbol words.</summary>
    public int? MaxDocWords { get; init; } = 100_000;

    /// <summary>Minimum mean length of non-symbol words, in characters.</summary>
    public double? MinAvgWordLength { get; init; } = 3;

    /// <summary>Maximum mean length of non-symbol words, in characters.</summary>
    public double? MaxAvgWordLength { get; init; } = 10;

    /// <summary>Maximum ratio of <c>#</c> characters, and separately of ellipses, to words.</summary>
    public double? MaxSymbolWordRatio { get; init; } = 0.1;

    /// <summary>Maximum fraction of lines that start with a bullet (<c>•</c> or <c>-</c>, after leading white space).</summary>
    public double? MaxBulletLinesRatio { get; init; } = 0.9;

    /// <summary>Maximum fraction of lines that end with an ellipsis (before trailing white space).</summary>
    public double? MaxEllipsisLinesRatio { get; init; } = 0.3;

    /// <summary>Minimum fraction of words that contain at least one letter (datatrove's <c>max_non_alpha_words_ratio</c>).</summary>
    public double? MinAlphaWordsRatio { get; init; } = 0.8;

    /// <summary>Minimum number of distinct stop words present.</summary>
    public int? MinStopWords { get; init; } = 2;

    /// <summary>The stop words counted by <see cref="MinStopWords"/>.</summary>
    public IReadOnlyList<string> StopWords { get; init; } = ["the", "be", "to", "of", "and", "that", "have", "with"];

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinDocWords ?? 0, nameof(MinDocWords));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDocWords ?? int.MaxValue, MinDocWords ?? 0, nameof(MaxDocWords));
        ArgumentOutOfRangeException.ThrowIfNegative(MinAvgWordLength ?? 0, nameof(MinAvgWordLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAvgWordLength ?? double.MaxValue, MinAvgWordLength ?? 0, nameof(MaxAvgWordLength));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSymbolWordRatio ?? 0, nameof(MaxSymbolWordRatio));
        Ratio(MaxBulletLinesRatio, nameof(MaxBulletLinesRatio));
        Ratio(MaxEllipsisLinesRatio, nameof(MaxEllipsisLinesRatio));
        Ratio(MinAlphaWordsRatio, nameof(MinAlphaWordsRatio));
        ArgumentOutOfRangeException.ThrowIfNegative(MinStopWords ?? 0, nameof(MinStopWords));
        if (StopWords is null || StopWords.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentOutOfRangeException(nameof(StopWords), "Stop words must be non-empty strings.");
        }
    }

    internal static void Ratio(double? value, string name)
    {
        if (value is < 0 or > 1 || (value is double v && double.IsNaN(v)))
        {
            throw new ArgumentOutOfRangeException(name, value, "A ratio must be in [0, 1].");
        }
    }
}
