using System.Runtime.CompilerServices;
using static CurationPipeline.Tokenization.Internal.FastPath.PreTokenCharClasses;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// A hand-written equivalent of one tiktoken pre-tokenizer regex: from a position, the end of the match .NET's backtracking
/// engine would find there. The patterns match every character, so the pre-tokens tile the text.
/// </summary>
/// <remarks>Stateless and thread-safe. Each subclass transcribes its pattern's alternatives in order (see TiktokenEncodings).</remarks>
internal abstract class PreTokenScanner
{
    /// <summary>The scanner for a built-in encoding, or <c>null</c> when the encoding has no hand-written scanner.</summary>
    public static PreTokenScanner? For(string encodingName) => encodingName switch
    {
        "cl100k_base" => Cl100kPreTokenScanner.Instance,
        "o200k_base" => O200kPreTokenScanner.Instance,
        "gpt2" => Gpt2PreTokenScanner.Instance,
        _ => null,
    };

    /// <summary>The exclusive end of the pre-token that starts at <paramref name="start"/> (<c>start &lt; text.Length</c>).</summary>
    public abstract int End(ReadOnlySpan<char> text, int start);

    /// <summary>The length of <c>'s|'t|'re|'ve|'m|'ll|'d</c> at <paramref name="i"/> (0 when none), optionally case-insensitive
    /// as .NET's <c>(?i:)</c> compares (<c>s</c> also matches U+017F LATIN SMALL LETTER LONG S).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static int Contraction(ReadOnlySpan<char> text, int i, bool ignoreCase)
    {
        if (i + 1 >= text.Length || text[i] != '\'')
        {
            return 0;
        }

        char c = text[i + 1];
        if (ignoreCase)
        {
            c = c == '\u017F' ? 's' : (char)(c | (char.IsAsciiLetterUpper(c) ? 0x20 : 0));
        }

        switch (c)
        {
            case 's' or 't' or 'm' or 'd':
                return 2;
            case 'r' or 'v' or 'l':
                if (i + 2 >= text.Length)
                {
                    return 0;
                }

                char next = text[i + 2];
                char expected = c == 'l' ? 'l' : 'e';
                return next == expected || (ignoreCase && next == char.ToUpperInvariant(expected)) ? 3 : 0;
            default:
                return 0;
        }
    }

    /// <summary>The end of the run of characters with any of <paramref name="classBits"/> from <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static int RunEnd(ReadOnlySpan<char> text, int i, int classBits)
    {
        while (i < text.Length && (Of(text[i]) & classBits) != 0)
        {
            i++;
        }

        return i;
    }

    /// <summary>The end of a run of <c>[^\s\p{L}\p{N}]</c> from <paramref name="i"/>.</summary>
    protected static int OtherRunEnd(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && IsOther(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary><c>\s+(?!\S)|\s+</c> at a white-space character <paramref name="i"/>: the run, less its last character when
    /// text follows and the run is longer than one.</summary>
    protected static int TrailingWhiteSpaceEnd(ReadOnlySpan<char> text, int i)
    {
        int end = RunEnd(text, i, WhiteSpace);
        return end == text.Length || end - i == 1 ? end : end - 1;
    }

    /// <summary><c>\s*[\r\n]+|\s+(?!\S)|\s+</c> at a white-space character <paramref name="i"/>: up to the last newline of the
    /// white-space run when it has one, else as <see cref="TrailingWhiteSpaceEnd"/>.</summary>
    protected static int WhiteSpaceWithNewlinesEnd(ReadOnlySpan<char> text, int i)
    {
        int end = i;
        int lastNewline = -1;
        while (end < text.Length)
        {
            int bits = Of(text[end]);
            if ((bits & WhiteSpace) == 0)
            {
                break;
            }

            lastNewline = (bits & Newline) != 0 ? end : lastNewline;
            end++;
        }

        return lastNewline >= 0 ? lastNewline + 1
            : end == text.Length || end - i == 1 ? end
            : end - 1;
    }
}
