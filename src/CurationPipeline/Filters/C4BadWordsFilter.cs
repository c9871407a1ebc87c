using System.Text.RegularExpressions;
using CurationPipeline.Filters.Internal;

namespace CurationPipeline.Filters;

/// <summary>C4's bad-words rule (datatrove's <c>C4BadWordsFilter</c>): drops a document that contains a word from a list.</summary>
/// <remarks>
/// The list is compiled once into one case-insensitive alternation. A match must not be flanked by word characters
/// (<c>(?&lt;!\w)</c> … <c>(?!\w)</c>, datatrove's <c>(?:\W|^)</c> … <c>(?:\W|$)</c>) unless <see cref="C4BadWordsOptions.MatchInsideWords"/>
/// is set. Matching has a 1 s timeout per document; a timeout counts as a match, so pathological input is dropped, never thrown. Thread-safe.
/// </remarks>
public sealed class C4BadWordsFilter : ITextFilter
{
    private readonly Regex? _regex;

    /// <summary>Creates the filter and compiles its word list.</summary>
    /// <param name="options">The list path and matching mode; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="FileNotFoundException">The list file does not exist.</exception>
    public C4BadWordsFilter(C4BadWordsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        HashSet<string> words = ListFile.Read(options.WordListPath, w => w.ToLowerInvariant());
        if (words.Count == 0)
        {
            return;
        }

        string alternation = string.Join('|', words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Select(Regex.Escape));
        string pattern = options.MatchInsideWords ? $"(?:{alternation})" : $@"(?<!\w)(?:{alternation})(?!\w)";
        _regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }

    /// <inheritdoc/>
    public string Name => "c4_badwords";

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        C4BadWordsSignals signals = ComputeSignals(text);
        return new FilterOutcome(Decide(signals), signals, null);
    }

    /// <summary>Counts the listed words in <paramref name="text"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The signals.</returns>
    public C4BadWordsSignals ComputeSignals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_regex is null)
        {
            return new C4BadWordsSignals(0);
        }

        try
        {
            return new C4BadWordsSignals(_regex.Count(text));
        }
        catch (RegexMatchTimeoutException)
        {
            return new C4BadWordsSignals(int.MaxValue);
        }
    }

    /// <summary>Drops a document with any match.</summary>
    /// <param name="signals">Signals from <see cref="ComputeSignals"/>.</param>
    /// <returns>Keep, or drop with <see cref="FilterReasons.C4BadWords"/>.</returns>
    public FilterVerdict Decide(C4BadWordsSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return signals.BadWordMatches > 0 ? FilterVerdict.Drop(FilterReasons.C4BadWords) : FilterVerdict.Kept;
    }
}

/// <content>The reason codes of <see cref="C4BadWordsFilter"/>.</content>
public static partial class FilterReasons
{
    /// <summary>The text contains a word from the bad-words list.</summary>
    public const string C4BadWords = "c4_badwords.bad_words";
}
