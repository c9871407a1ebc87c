using System.Buffers;
using System.Text;
using CurationPipeline.Documents.Internal;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Span helpers that measure text the way the serializer will print it (whitespace runs count as one char).</summary>
internal static class TextMeasure
{
    private static readonly SearchValues<char> s_commas = SearchValues.Create(",\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001");
    private static readonly SearchValues<char> s_sentenceEnds = SearchValues.Create(".!?\u3002\uFF01\uFF1F\u0964");

    /// <summary>Length after collapsing whitespace runs to one char and trimming both ends.</summary>
    public static int NormalizedLength(ReadOnlySpan<char> text)
    {
        int length = 0;
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            length += pendingSpace ? 2 : 1;
            pendingSpace = false;
        }

        return length;
    }

    /// <summary>Collapses whitespace runs to one space and trims both ends.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Counts words, up to <paramref name="atMost"/>: runs of letters and digits, and each Han, kana or Hangul char on its
    /// own (those scripts do not separate words by spaces).</summary>
    public static int CountWords(ReadOnlySpan<char> text, int atMost)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (words >= atMost)
            {
                break;
            }

            if (CjkScripts.Of(c) != CjkScript.None)
            {
                words++;
                inWord = false;
            }
            else
            {
                bool letterOrDigit = char.IsLetterOrDigit(c);
                words += letterOrDigit && !inWord ? 1 : 0;
                inWord = letterOrDigit;
            }
        }

        return words;
    }

    /// <summary>Counts commas in all scripts' forms.</summary>
    public static int CountCommas(ReadOnlySpan<char> text) => CountAny(text, s_commas);

    /// <summary>Counts sentence-ending punctuation.</summary>
    public static int CountSentenceEnds(ReadOnlySpan<char> text) => CountAny(text, s_sentenceEnds);

    private static int CountAny(ReadOnlySpan<char> text, SearchValues<char> values)
    {
        int count = 0;
        int index;
        while ((index = text.IndexOfAny(values)) >= 0)
        {
            count++;
            text = text[(index + 1)..];
        }

        return count;
    }
}
