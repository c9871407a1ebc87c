using System.Globalization;
using System.Text;

namespace CurationPipeline.Filters.Text;

/// <summary>Splits text into words the way the heuristic filters count them, including for languages written without spaces.</summary>
/// <remarks>
/// <para>The rules, applied left to right over UTF-16 text:</para>
/// <list type="number">
/// <item>White space (<see cref="char.IsWhiteSpace(char)"/>) separates tokens and is never part of one.</item>
/// <item>A <b>word</b> is a maximal run of letters, marks, digits and connector punctuation (<c>_</c>). A single apostrophe, hyphen,
/// period or middle dot between two such characters stays inside the word (<c>don't</c>, <c>e-mail</c>, <c>3.14</c>), as NLTK's
/// Treebank tokenizer keeps them.</item>
/// <item>A character of a script written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) is a word on its own,
/// together with the combining marks that follow it (a Thai vowel or tone mark stays with its consonant). A Chinese sentence of
/// 12 characters is 12 words, not one: that keeps word counts and mean word lengths in a sensible range without a dictionary
/// segmenter. Hangul is written with spaces and is split like Latin text.</item>
/// <item>Any other run of non-space characters (punctuation, symbols, lone surrogates) is one <b>symbol token</b>: <c>...</c>,
/// <c>#</c>, <c>?!</c>. The filters decide for themselves whether such a token counts as a word (datatrove's <c>PUNCTUATION_SET</c>).</item>
/// </list>
/// <para>Lengths are UTF-16 code units (Python counts code points; they differ only outside the Basic Multilingual Plane).
/// Invalid UTF-16 never throws: a lone surrogate is a symbol character. The enumerator allocates nothing.</para>
/// </remarks>
public static class WordSplitter
{
    /// <summary>Enumerates the tokens (words and symbol tokens) of <paramref name="text"/> without allocating.</summary>
    /// <param name="text">The text to split.</param>
    /// <returns>An enumerator usable in <c>foreach</c>.</returns>
    public static WordEnumerator EnumerateWords(ReadOnlySpan<char> text) => new(text);

    /// <summary>Counts the tokens of <paramref name="text"/> (words and symbol tokens).</summary>
    /// <param name="text">The text to split.</param>
    /// <returns>The number of tokens <see cref="EnumerateWords"/> yields.</returns>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (ReadOnlySpan<char> _ in EnumerateWords(text))
        {
            count++;
        }

        return count;
    }

    /// <summary>How one character takes part in word splitting.</summary>
    internal enum CharClass : byte
    {
        Space,
        Word,
        Joiner,
        Isolated,
        Mark,
        Symbol,
    }

    internal static CharClass Classify(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        width = 1;
        if (c < 0x80)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                return CharClass.Word;
            }

            if (c is '\'' or '-' or '.')
            {
                return CharClass.Joiner;
            }

            return c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or (>= '\x1c' and <= '\x1f') ? CharClass.Space : CharClass.Symbol;
        }

        if (char.IsWhiteSpace(c))
        {
            return CharClass.Space;
        }

        if (c is '\u2019' or '\u00B7' or '\u2010' or '\u2011')
        {
            return CharClass.Joiner;
        }

        int codePoint = c;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[index + 1]);
            width = 2;
        }
        else if (char.IsSurrogate(c))
        {
            return CharClass.Symbol;
        }

        UnicodeCategory category = Rune.GetUnicodeCategory(new Rune(codePoint));
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return CharClass.Mark;
        }

        if (IsUnspacedScript(codePoint))
        {
            return category is UnicodeCategory.OtherPunctuation or UnicodeCategory.OtherSymbol ? CharClass.Symbol : CharClass.Isolated;
        }

        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.ConnectorPunctuation => CharClass.Word,
            _ => CharClass.Symbol,
        };
    }

    private static bool IsUnspacedScript(int cp) =>
        cp is (>= 0x3040 and <= 0x30FF) // Hiragana, Katakana
            or (>= 0x31F0 and <= 0x31FF) // Katakana phonetic extensions
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0xF900 and <= 0xFAFF) // CJK compatibility ideographs
            or (>= 0xFF66 and <= 0xFF9F) // half-width Katakana
            or (>= 0x20000 and <= 0x3FFFF) // CJK extensions B and later
            or (>= 0x0E00 and <= 0x0EFF) // Thai, Lao
            or (>= 0x1000 and <= 0x109F) // Myanmar
            or (>= 0x1780 and <= 0x17FF); // Khmer
}
