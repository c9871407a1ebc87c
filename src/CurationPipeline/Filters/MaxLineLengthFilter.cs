namespace CurationPipeline.Filters;

/// <summary>Drops a document whose longest line is longer than a limit (minified code, base64 blobs, unbroken tables).</summary>
/// <remarks>
/// Lines are the pieces of the text between <c>\n</c>; a <c>\r</c> before the <c>\n</c> is not counted. Lengths are UTF-16
/// code units. An empty text has a longest line of 0 and is kept. Thread-safe. YAML: <c>- max_line_length: { max_chars: 1000 }</c>.
/// </remarks>
public sealed class MaxLineLengthFilter : ITextFilter
{
    private readonly MaxLineLengthOptions _options;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">The limit; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public MaxLineLengthFilter(MaxLineLengthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <inheritdoc/>
    public string Name => "max_line_length";

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        MaxLineLengthSignals signals = ComputeSignals(text);
        return new FilterOutcome(Decide(signals), signals, null);
    }

    /// <summary>Measures the longest line of <paramref name="text"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The signals.</returns>
    public MaxLineLengthSignals ComputeSignals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> rest = text;
        int longest = 0;
        while (true)
        {
            int newline = rest.IndexOf('\n');
            ReadOnlySpan<char> line = newline < 0 ? rest : rest[..newline];
            int length = line.Length > 0 && line[^1] == '\r' ? line.Length - 1 : line.Length;
            longest = Math.Max(longest, length);
            if (newline < 0)
            {
                return new MaxLineLengthSignals(longest);
            }

            rest = rest[(newline + 1)..];
        }
    }

    /// <summary>Applies the limit to stored signals.</summary>
    /// <param name="signals">Signals from <see cref="ComputeSignals"/>.</param>
    /// <returns>Keep, or drop with <see cref="FilterReasons.MaxLineLengthTooLong"/>.</returns>
    public FilterVerdict Decide(MaxLineLengthSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return signals.LongestLine > _options.MaxChars ? FilterVerdict.Drop(FilterReasons.MaxLineLengthTooLong) : FilterVerdict.Kept;
    }
}

/// <summary>Options of <see cref="MaxLineLengthFilter"/>.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="MaxChars"/></term><description>1000 (drop when the longest line is longer)</description></item>
/// </list>
/// </remarks>
public sealed record MaxLineLengthOptions
{
    /// <summary>The longest line a kept document may have, in UTF-16 code units.</summary>
    public int MaxChars { get; init; } = 1000;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxChars"/> is not positive.</exception>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxChars, nameof(MaxChars));
}

/// <summary>What <see cref="MaxLineLengthFilter"/> measured on one document (column <c>max_line_length.longest_line</c>).</summary>
/// <param name="LongestLine">The length of the longest line, in UTF-16 code units, without a trailing <c>\r</c>.</param>
public sealed record MaxLineLengthSignals(int LongestLine);

/// <content>The reason codes of <see cref="MaxLineLengthFilter"/>.</content>
public static partial class FilterReasons
{
    /// <summary>The longest line is longer than <see cref="MaxLineLengthOptions.MaxChars"/>.</summary>
    public const string MaxLineLengthTooLong = "max_line_length.too_long";
}
