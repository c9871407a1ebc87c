using System.Globalization;
using System.Runtime.CompilerServices;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// The character classes the tiktoken pre-tokenizer patterns test, per UTF-16 code unit, as .NET's regex engine sees them:
/// categories come from <see cref="CharUnicodeInfo.GetUnicodeCategory(char)"/> (so each half of a surrogate pair is <c>Cs</c>)
/// and <c>\s</c> is <see cref="char.IsWhiteSpace(char)"/>.
/// </summary>
internal static class PreTokenCharClasses
{
    /// <summary><c>\p{L}</c>.</summary>
    public const byte Letter = 1;

    /// <summary><c>\p{N}</c>.</summary>
    public const byte Number = 2;

    /// <summary><c>\s</c>.</summary>
    public const byte WhiteSpace = 4;

    /// <summary><c>[\r\n]</c>.</summary>
    public const byte Newline = 8;

    /// <summary>o200k's upper-case run class <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>.</summary>
    public const byte UpperLike = 16;

    /// <summary>o200k's lower-case run class <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c>.</summary>
    public const byte LowerLike = 32;

    private static readonly byte[] s_classes = Build();

    /// <summary>The class bits of <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(char c) => Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(s_classes), c);

    /// <summary><c>[^\s\p{L}\p{N}]</c>: punctuation, symbols, marks, controls, surrogates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOther(char c) => (Of(c) & (Letter | Number | WhiteSpace)) == 0;

    /// <summary><c>[^\r\n\p{L}\p{N}]</c>: the optional one-character prefix of a word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordPrefix(char c) => (Of(c) & (Letter | Number | Newline)) == 0;

    private static byte[] Build()
    {
        byte[] classes = new byte[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            int bits = char.IsWhiteSpace(c) ? WhiteSpace : 0;
            bits |= c is '\r' or '\n' ? Newline : 0;
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter:
                    bits |= Letter | UpperLike;
                    break;
                case UnicodeCategory.LowercaseLetter:
                    bits |= Letter | LowerLike;
                    break;
                case UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                    bits |= Letter | UpperLike | LowerLike;
                    break;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    bits |= UpperLike | LowerLike;
                    break;
                case UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber:
                    bits |= Number;
                    break;
            }

            classes[i] = (byte)bits;
        }

        return classes;
    }
}
