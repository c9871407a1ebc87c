using System.Runtime.InteropServices;
using CurationPipeline.Filters.Internal;

namespace CurationPipeline.Filters;

/// <summary>Gopher's repetition rules (Table A1, datatrove's <c>GopherRepetitionFilter</c>): repeated paragraphs, lines and n-grams.</summary>
/// <remarks>
/// Exactly datatrove's definitions: paragraphs are <c>re.split(r"\n{2,}", text.strip())</c>, lines are <c>re.split(r"\n+", text)</c>,
/// a repeat is an element equal to an earlier one, the top n-gram counts length × occurrences, and the duplicated n-gram scan
/// jumps n words past each repeat so overlaps are not counted twice. An n-gram's length is that of its words joined by one space.
/// Words come from <see cref="Text.WordSplitter"/>. Empty text (no characters) is dropped as <see cref="FilterReasons.RepetitionEmpty"/>
/// (datatrove divides by zero there). Thread-safe.
/// </remarks>
public sealed class GopherRepetitionFilter : ITextFilter
{
    private readonly GopherRepetitionOptions _options;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Thresholds; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public GopherRepetitionFilter(GopherRepetitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <inheritdoc/>
    public string Name => "gopher_repetition";

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        GopherRepetitionSignals signals = ComputeSignals(text);
        return new FilterOutcome(Decide(signals), signals, null);
    }

    /// <summary>Measures every repetition signal of <paramref name="text"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The signals.</returns>
    public GopherRepetitionSignals ComputeSignals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double length = text.Length;
        if (text.Length == 0)
        {
            return new GopherRepetitionSignals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        var pieces = new List<TextSpan>();
        ReadOnlySpan<char> span = text;
        ReadOnlySpan<char> stripped = span.Trim();
        int strippedOffset = LeadingWhiteSpace(span);
        PyLines.SplitOnRuns(stripped, strippedOffset, '\n', 2, pieces);
        (int paraDups, long paraChars) = TextSpanComparer.FindDuplicates(text, CollectionsMarshal.AsSpan(pieces));
        double dupParaFrac = (double)paraDups / pieces.Count;

        PyLines.SplitOnRuns(span, 0, '\n', 1, pieces);
        (int lineDups, long lineChars) = TextSpanComparer.FindDuplicates(text, CollectionsMarshal.AsSpan(pieces));
        double dupLineFrac = (double)lineDups / pieces.Count;

        using var grams = new NGramIndex(text);
        return new GopherRepetitionSignals(
            TextLength: text.Length,
            DupParaFrac: dupParaFrac,
            DupParaCharFrac: paraChars / length,
            DupLineFrac: dupLineFrac,
            DupLineCharFrac: lineChars / length,
            Top2GramCharFrac: grams.TopNGramChars(2) / length,
            Top3GramCharFrac: grams.TopNGramChars(3) / length,
            Top4GramCharFrac: grams.TopNGramChars(4) / length,
            Dup5GramCharFrac: grams.DuplicateNGramChars(5) / length,
            Dup6GramCharFrac: grams.DuplicateNGramChars(6) / length,
            Dup7GramCharFrac: grams.DuplicateNGramChars(7) / length,
            Dup8GramCharFrac: grams.DuplicateNGramChars(8) / length,
            Dup9GramCharFrac: grams.DuplicateNGramChars(9) / length,
            Dup10GramCharFrac: grams.DuplicateNGramChars(10) / length);
    }

    /// <summary>Applies the thresholds to stored signals, in datatrove's order.</summary>
    /// <param name="signals">Signals from <see cref="ComputeSignals"/>.</param>
    /// <returns>Keep, or drop with the first failing rule's reason.</returns>
    public FilterVerdict Decide(GopherRepetitionSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        GopherRepetitionOptions o = _options;
        return signals switch
        {
            { TextLength: 0 } => FilterVerdict.Drop(FilterReasons.RepetitionEmpty),
            _ when signals.DupParaFrac > o.DupParaFrac => FilterVerdict.Drop(FilterReasons.RepetitionDupParaFrac),
            _ when signals.DupParaCharFrac > o.DupParaCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionDupParaCharFrac),
            _ when signals.DupLineFrac > o.DupLineFrac => FilterVerdict.Drop(FilterReasons.RepetitionDupLineFrac),
            _ when signals.DupLineCharFrac > o.DupLineCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionDupLineCharFrac),
            _ when signals.Top2GramCharFrac > o.Top2GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionTop2Gram),
            _ when signals.Top3GramCharFrac > o.Top3GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionTop3Gram),
            _ when signals.Top4GramCharFrac > o.Top4GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionTop4Gram),
            _ when signals.Dup5GramCharFrac > o.Dup5GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionDuplicated5Grams),
            _ when signals.Dup6GramCharFrac > o.Dup6GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionDuplicated6Grams),
            _ when signals.Dup7GramCharFrac > o.Dup7GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionDuplicated7Grams),
            _ when signals.Dup8GramCharFrac > o.Dup8GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionDuplicated8Grams),
            _ when signals.Dup9GramCharFrac > o.Dup9GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionDuplicated9Grams),
            _ when signals.Dup10GramCharFrac > o.Dup10GramCharFrac => FilterVerdict.Drop(FilterReasons.RepetitionDuplicated10Grams),
            _ => FilterVerdict.Kept,
        };
    }

    private static int LeadingWhiteSpace(ReadOnlySpan<char> span) => span.Length - span.TrimStart().Length;
}

/// <content>The reason codes of <see cref="GopherRepetitionFilter"/>.</content>
public static partial class FilterReasons
{
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
}
