using System.Text;
using System.Text.RegularExpressions;
using CurationPipeline.Filters.Internal;

namespace CurationPipeline.Filters;

/// <summary>C4's rules (datatrove's <c>C4QualityFilter</c>): drops bad lines, then drops the document for lorem ipsum, <c>{</c> or too few sentences.</summary>
/// <remarks>
/// <para>Per line, in datatrove's order: strip white space; drop if a word (white-space split) exceeds the maximum length; remove
/// citations; drop if it does not end in <c>. ? ! " '</c> or ends in <c>...</c> (when enabled); drop if it has too few words
/// (counted before citation removal); note "lorem ipsum"; drop if it mentions "javascript"; note <c>{</c>; drop for a policy
/// phrase; otherwise keep it and count its sentences. Matching is case-insensitive.</para>
/// <para>Sentences: NLTK's punkt is replaced by a rule: a line has one sentence plus one per run of <c>. ! ?</c> (optionally
/// followed by closing quotes or brackets) that is followed by white space and more text. Abbreviations therefore count as
/// sentence ends, which punkt would not do.</para>
/// <para>Signals are computed as if lorem ipsum and <c>{</c> did not stop the scan; <see cref="Decide"/> then drops for whichever
/// came first, as datatrove's early return would. Thread-safe.</para>
/// </remarks>
public sealed partial class C4QualityFilter : ITextFilter
{
    private static readonly string[] s_policyPhrases =
        ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"];

    private readonly C4QualityOptions _options;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">Rules; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public C4QualityFilter(C4QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <inheritdoc/>
    public string Name => "c4";

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        C4QualitySignals signals = ComputeSignals(text);
        FilterVerdict verdict = Decide(signals);
        return new FilterOutcome(verdict, signals, verdict.Keep ? signals.FilteredText : null);
    }

    /// <summary>Runs the line rules over <paramref name="text"/> and records what each removed.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The signals, including the filtered text.</returns>
    public C4QualitySignals ComputeSignals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        C4QualityOptions o = _options;
        var lines = new List<TextSpan>();
        PyLines.SplitLines(text, lines);
        var kept = new StringBuilder(text.Length);
        int keptLines = 0, sentences = 0, tooLong = 0, noPunct = 0, fewWords = 0, javascript = 0, policy = 0;
        int lorem = -1, curly = -1;
        for (int index = 0; index < lines.Count; index++)
        {
            ReadOnlySpan<char> line = text.AsSpan(lines[index].Start, lines[index].Length).Trim();
            (int words, int longest) = CountWords(line);
            if (longest > o.MaxWordLength)
            {
                tooLong++;
                continue;
            }

            string? withoutCitations = null;
            if (o.RemoveCitations && line.Contains('['))
            {
                withoutCitations = CitationRegex().Replace(line.ToString(), "");
                line = withoutCitations;
            }

            if (o.FilterNoTerminalPunct && (!EndsWithTerminal(line) || line.EndsWith("...")))
            {
                noPunct++;
                continue;
            }

            if (words < o.MinWordsPerLine)
            {
                fewWords++;
                continue;
            }

            if (lorem < 0 && line.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase))
            {
                lorem = index;
            }

            if (o.FilterJavascript && line.Contains("javascript", StringComparison.OrdinalIgnoreCase))
            {
                javascript++;
                continue;
            }

            if (curly < 0 && line.Contains('{'))
            {
                curly = index;
            }

            if (o.FilterPolicy && ContainsPolicyPhrase(line))
            {
                policy++;
                continue;
            }

            sentences += CountSentences(line);
            if (keptLines++ > 0)
            {
                kept.Append('\n');
            }

            kept.Append(line);
        }

        return new C4QualitySignals(lines.Count, keptLines, sentences, tooLong, noPunct, fewWords, javascript, policy, lorem, curly,
            kept.ToString().Trim());
    }

    /// <summary>Applies the document rules to stored signals.</summary>
    /// <param name="signals">Signals from <see cref="ComputeSignals"/>.</param>
    /// <returns>Keep, or drop with <see cref="FilterReasons.C4LoremIpsum"/>, <see cref="FilterReasons.C4CurlyBracket"/> or <see cref="FilterReasons.C4TooFewSentences"/>.</returns>
    public FilterVerdict Decide(C4QualitySignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        C4QualityOptions o = _options;
        bool lorem = o.FilterLoremIpsum && signals.LoremIpsumLine >= 0;
        bool curly = o.FilterCurlyBracket && signals.CurlyBracketLine >= 0;
        if (lorem && (!curly || signals.LoremIpsumLine <= signals.CurlyBracketLine))
        {
            return FilterVerdict.Drop(FilterReasons.C4LoremIpsum);
        }

        if (curly)
        {
            return FilterVerdict.Drop(FilterReasons.C4CurlyBracket);
        }

        return signals.SentenceCount < o.MinSentences ? FilterVerdict.Drop(FilterReasons.C4TooFewSentences) : FilterVerdict.Kept;
    }

    [GeneratedRegex(@"\[\d*]|\[edit]|\[citation needed]", RegexOptions.CultureInvariant)]
    private static partial Regex CitationRegex();

    private static (int Words, int Longest) CountWords(ReadOnlySpan<char> line)
    {
        int words = 0, longest = 0, current = 0;
        foreach (char c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                if (current > 0)
                {
                    words++;
                    longest = Math.Max(longest, current);
                    current = 0;
                }
            }
            else
            {
                current++;
            }
        }

        if (current > 0)
        {
            words++;
            longest = Math.Max(longest, current);
        }

        return (words, longest);
    }

    private static bool EndsWithTerminal(ReadOnlySpan<char> line) => !line.IsEmpty && line[^1] is '.' or '?' or '!' or '"' or '\'';

    private static bool ContainsPolicyPhrase(ReadOnlySpan<char> line)
    {
        foreach (string phrase in s_policyPhrases)
        {
            if (line.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountSentences(ReadOnlySpan<char> line)
    {
        int sentences = 1;
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] is not ('.' or '!' or '?'))
            {
                i++;
                continue;
            }

            while (i < line.Length && line[i] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
            {
                i++;
            }

            int next = i;
            while (next < line.Length && char.IsWhiteSpace(line[next]))
            {
                next++;
            }

            if (next > i && next < line.Length)
            {
                sentences++;
            }

            i = next;
        }

        return sentences;
    }
}

/// <content>The reason codes of <see cref="C4QualityFilter"/>.</content>
public static partial class FilterReasons
{
    /// <summary>A kept line mentions "lorem ipsum".</summary>
    public const string C4LoremIpsum = "c4.lorem_ipsum";

    /// <summary>A kept line contains a curly bracket.</summary>
    public const string C4CurlyBracket = "c4.curly_bracket";

    /// <summary>Fewer sentences than <see cref="C4QualityOptions.MinSentences"/> after line filtering.</summary>
    public const string C4TooFewSentences = "c4.too_few_sentences";
}
