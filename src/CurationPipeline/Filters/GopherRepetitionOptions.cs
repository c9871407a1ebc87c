namespace CurationPipeline.Filters;

/// <summary>Thresholds of <see cref="GopherRepetitionFilter"/> (Gopher Table A1, datatrove's defaults). <c>null</c> disables a rule; every rule rejects when the signal is strictly greater.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="DupParaFrac"/></term><description>0.30</description></item>
/// <item><term><see cref="DupParaCharFrac"/></term><description>0.20</description></item>
/// <item><term><see cref="DupLineFrac"/></term><description>0.30</description></item>
/// <item><term><see cref="DupLineCharFrac"/></term><description>0.20</description></item>
/// <item><term><see cref="Top2GramCharFrac"/>, <see cref="Top3GramCharFrac"/>, <see cref="Top4GramCharFrac"/></term><description>0.20, 0.18, 0.16</description></item>
/// <item><term><see cref="Dup5GramCharFrac"/> … <see cref="Dup10GramCharFrac"/></term><description>0.15, 0.14, 0.13, 0.12, 0.11, 0.10</description></item>
/// </list>
/// </remarks>
public sealed record GopherRepetitionOptions
{
    /// <summary>Maximum fraction of paragraphs (split on two or more <c>\n</c>) that repeat an earlier one.</summary>
    public double? DupParaFrac { get; init; } = 0.30;

    /// <summary>Maximum fraction of characters in repeated paragraphs.</summary>
    public double? DupParaCharFrac { get; init; } = 0.20;

    /// <summary>Maximum fraction of lines (split on runs of <c>\n</c>) that repeat an earlier one.</summary>
    public double? DupLineFrac { get; init; } = 0.30;

    /// <summary>Maximum fraction of characters in repeated lines.</summary>
    public double? DupLineCharFrac { get; init; } = 0.20;

    /// <summary>Maximum character fraction of the most frequent 2-gram.</summary>
    public double? Top2GramCharFrac { get; init; } = 0.20;

    /// <summary>Maximum character fraction of the most frequent 3-gram.</summary>
    public double? Top3GramCharFrac { get; init; } = 0.18;

    /// <summary>Maximum character fraction of the most frequent 4-gram.</summary>
    public double? Top4GramCharFrac { get; init; } = 0.16;

    /// <summary>Maximum character fraction of duplicated 5-grams.</summary>
    public double? Dup5GramCharFrac { get; init; } = 0.15;

    /// <summary>Maximum character fraction of duplicated 6-grams.</summary>
    public double? Dup6GramCharFrac { get; init; } = 0.14;

    /// <summary>Maximum character fraction of duplicated 7-grams.</summary>
    public double? Dup7GramCharFrac { get; init; } = 0.13;

    /// <summary>Maximum character fraction of duplicated 8-grams.</summary>
    public double? Dup8GramCharFrac { get; init; } = 0.12;

    /// <summary>Maximum character fraction of duplicated 9-grams.</summary>
    public double? Dup9GramCharFrac { get; init; } = 0.11;

    /// <summary>Maximum character fraction of duplicated 10-grams.</summary>
    public double? Dup10GramCharFrac { get; init; } = 0.10;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside [0, 1]; the parameter name is the property.</exception>
    public void Validate()
    {
        GopherQualityOptions.Ratio(DupParaFrac, nameof(DupParaFrac));
        GopherQualityOptions.Ratio(DupParaCharFrac, nameof(DupParaCharFrac));
        GopherQualityOptions.Ratio(DupLineFrac, nameof(DupLineFrac));
        GopherQualityOptions.Ratio(DupLineCharFrac, nameof(DupLineCharFrac));
        GopherQualityOptions.Ratio(Top2GramCharFrac, nameof(Top2GramCharFrac));
        GopherQualityOptions.Ratio(Top3GramCharFrac, nameof(Top3GramCharFrac));
        GopherQualityOptions.Ratio(Top4GramCharFrac, nameof(Top4GramCharFrac));
        GopherQualityOptions.Ratio(Dup5GramCharFrac, nameof(Dup5GramCharFrac));
        GopherQualityOptions.Ratio(Dup6GramCharFrac, nameof(Dup6GramCharFrac));
        GopherQualityOptions.Ratio(Dup7GramCharFrac, nameof(Dup7GramCharFrac));
        GopherQualityOptions.Ratio(Dup8GramCharFrac, nameof(Dup8GramCharFrac));
        GopherQualityOptions.Ratio(Dup9GramCharFrac, nameof(Dup9GramCharFrac));
        GopherQualityOptions.Ratio(Dup10GramCharFrac, nameof(Dup10GramCharFrac));
    }
}
