using System.Runtime.InteropServices;
using CurationPipeline.Filters.Internal;
using CurationPipeline.Filters.Text;

namespace CurationPipeline.Filters;

/// <summary>FineWeb's own quality rules (datatrove's <c>FineWebQualityFilter</c>): punctuated lines, short lines, duplicated line characters, list-like pages.</summary>
/// <remarks>
/// Follows the current datatrove code: it works on the non-blank lines of <c>text.split("\n")</c>, drops a document with none
/// (<see cref="FilterReasons.FineWebEmpty"/>), and compares with strict <c>&lt;</c> / <c>&gt;</c> (the 2024-04 version used
/// <c>&lt;=</c> / <c>&gt;=</c>). A line is punctuated when its last character is in a Unicode terminal-punctuation set
/// (<c>. ! ? ' "</c>, <c>…</c>, <c>。！？</c>, Arabic, Devanagari, Ethiopic and other sentence enders). Words for the list
/// ratio come from <see cref="WordSplitter"/>. Thread-safe.
/// </remarks>
public sealed class FineWebQualityFilter : ITextFilter
{
    private readonly FineWebQualityOptions _options;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Thresholds; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FineWebQualityFilter(FineWebQualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <inheritdoc/>
    public string Name => "fineweb";

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        FineWebQualitySignals signals = ComputeSignals(text);
        return new FilterOutcome(Decide(signals), signals, null);
    }

    /// <summary>Measures every signal of <paramref name="text"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The signals.</returns>
    public FineWebQualitySignals ComputeSignals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> span = text;
        var lines = new List<TextSpan>();
        PyLines.Split(span, '\n', lines);
        lines.RemoveAll(l => text.AsSpan(l.Start, l.Length).IsWhiteSpace());
        if (lines.Count == 0)
        {
            return new FineWebQualitySignals(0, 0, 0, 0, 0);
        }

        int punctuated = 0, shortLines = 0;
        foreach (TextSpan line in lines)
        {
            ReadOnlySpan<char> l = span.Slice(line.Start, line.Length);
            if (CharSets.TerminalPunctuation.Contains(l[^1]))
            {
                punctuated++;
            }

            if (l.Length <= _options.ShortLineLength)
            {
                shortLines++;
            }
        }

        int newLines = span.Count('\n');
        (_, long dupChars) = TextSpanComparer.FindDuplicates(text, CollectionsMarshal.AsSpan(lines));
        int words = WordSplitter.CountWords(span);
        return new FineWebQualitySignals(
            LineCount: lines.Count,
            LinePunctRatio: (double)punctuated / lines.Count,
            ShortLineRatio: (double)shortLines / lines.Count,
            CharDuplicatesRatio: (double)dupChars / (text.Length - newLines),
            NewLineRatio: words == 0 ? 0 : (double)newLines / words);
    }

    /// <summary>Applies the thresholds to stored signals, in datatrove's order.</summary>
    /// <param name="signals">Signals from <see cref="ComputeSignals"/>.</param>
    /// <returns>Keep, or drop with the first failing rule's reason.</returns>
    public FilterVerdict Decide(FineWebQualitySignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        FineWebQualityOptions o = _options;
        if (signals.LineCount == 0)
        {
            return FilterVerdict.Drop(FilterReasons.FineWebEmpty);
        }

        if (signals.LinePunctRatio < o.LinePunctThreshold && !(signals.LinePunctRatio == 0 && o.LinePunctExcludeZero))
        {
            return FilterVerdict.Drop(FilterReasons.FineWebLinePunctRatio);
        }

        if (signals.ShortLineRatio > o.ShortLineThreshold)
        {
            return FilterVerdict.Drop(FilterReasons.FineWebShortLineRatio);
        }

        if (signals.CharDuplicatesRatio > o.CharDuplicatesRatio)
        {
            return FilterVerdict.Drop(FilterReasons.FineWebCharDupRatio);
        }

        return signals.NewLineRatio > o.NewLineRatio ? FilterVerdict.Drop(FilterReasons.FineWebListRatio) : FilterVerdict.Kept;
    }
}

/// <content>The reason codes of <see cref="FineWebQualityFilter"/>.</content>
public static partial class FilterReasons
{
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
}
