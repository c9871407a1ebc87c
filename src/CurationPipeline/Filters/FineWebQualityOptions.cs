namespace CurationPipeline.Filters;

/// <summary>Thresholds of <see cref="FineWebQualityFilter"/> (datatrove's current defaults). <c>null</c> disables a rule.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default (reject if …)</description></listheader>
/// <item><term><see cref="LinePunctThreshold"/></term><description>0.12 (lines ending in terminal punctuation / lines &lt; 0.12)</description></item>
/// <item><term><see cref="LinePunctExcludeZero"/></term><description><c>false</c> (when <c>true</c>, a ratio of exactly 0 passes)</description></item>
/// <item><term><see cref="ShortLineThreshold"/></term><description>0.67 (lines of ≤ <see cref="ShortLineLength"/> chars / lines &gt; 0.67)</description></item>
/// <item><term><see cref="ShortLineLength"/></term><description>30</description></item>
/// <item><term><see cref="CharDuplicatesRatio"/></term><description>0.01 (chars in repeated lines / chars without <c>\n</c> &gt; 0.01)</description></item>
/// <item><term><see cref="NewLineRatio"/></term><description>0.3 (<c>\n</c> count / words &gt; 0.3)</description></item>
/// </list>
/// Lines are the non-blank pieces of <c>text.split("\n")</c>.
/// </remarks>
public sealed record FineWebQualityOptions
{
    /// <summary>Minimum fraction of lines that end in terminal punctuation.</summary>
    public double? LinePunctThreshold { get; init; } = 0.12;

    /// <summary>Whether a document with no punctuated line at all passes the punctuation rule.</summary>
    public bool LinePunctExcludeZero { get; init; }

    /// <summary>Maximum fraction of short lines.</summary>
    public double? ShortLineThreshold { get; init; } = 0.67;

    /// <summary>A line this long or shorter (UTF-16 code units) is short.</summary>
    public int ShortLineLength { get; init; } = 30;

    /// <summary>Maximum fraction of characters in lines that repeat an earlier line.</summary>
    public double? CharDuplicatesRatio { get; init; } = 0.01;

    /// <summary>Maximum newlines per word.</summary>
    public double? NewLineRatio { get; init; } = 0.3;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        GopherQualityOptions.Ratio(LinePunctThreshold, nameof(LinePunctThreshold));
        GopherQualityOptions.Ratio(ShortLineThreshold, nameof(ShortLineThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(ShortLineLength, nameof(ShortLineLength));
        GopherQualityOptions.Ratio(CharDuplicatesRatio, nameof(CharDuplicatesRatio));
        ArgumentOutOfRangeException.ThrowIfNegative(NewLineRatio ?? 0, nameof(NewLineRatio));
    }
}
