using static CurationPipeline.Tokenization.Internal.FastPath.PreTokenCharClasses;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// o200k_base: <c>P?U*W+C?|P?U+W*C?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+</c> where P is
/// <c>[^\r\n\p{L}\p{N}]</c>, U <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>, W <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c> and C the
/// case-insensitive contractions.
/// </summary>
internal sealed class O200kPreTokenScanner : PreTokenScanner
{
    public static readonly O200kPreTokenScanner Instance = new();

    public override int End(ReadOnlySpan<char> text, int start)
    {
        char first = text[start];
        bool prefix = start + 1 < text.Length && IsWordPrefix(first);

        // Each word alternative is tried with the optional prefix first, then without it, as the engine backtracks.
        int end = prefix ? UpperThenLower(text, start + 1) : -1;
        end = end >= 0 ? end : UpperThenLower(text, start);
        end = end >= 0 ? end : prefix ? UpperRun(text, start + 1) : -1;
        end = end >= 0 ? end : UpperRun(text, start);
        if (end >= 0)
        {
            return end;
        }

        int bits = Of(first);
        if ((bits & Number) != 0)
        {
            end = start + 1;
            while (end < text.Length && end < start + 3 && (Of(text[end]) & Number) != 0)
            {
                end++;
            }

            return end;
        }

        int symbols = first == ' ' && start + 1 < text.Length && IsOther(text[start + 1]) ? start + 1 : start;
        if (IsOther(text[symbols]))
        {
            end = OtherRunEnd(text, symbols + 1);
            while (end < text.Length && ((Of(text[end]) & Newline) != 0 || text[end] == '/'))
            {
                end++;
            }

            return end;
        }

        return WhiteSpaceWithNewlinesEnd(text, start);
    }

    /// <summary><c>U*W+C?</c> at <paramref name="i"/>, or -1: the longest U run is given back one character at a time until a
    /// W character follows it.</summary>
    private static int UpperThenLower(ReadOnlySpan<char> text, int i)
    {
        int upperEnd = RunEnd(text, i, UpperLike);
        int lower = upperEnd;
        if (lower >= text.Length || (Of(text[lower]) & LowerLike) == 0)
        {
            lower = upperEnd - 1;
            while (lower >= i && (Of(text[lower]) & LowerLike) == 0)
            {
                lower--;
            }

            if (lower < i)
            {
                return -1;
            }
        }

        int end = RunEnd(text, lower + 1, LowerLike);
        return end + Contraction(text, end, ignoreCase: true);
    }

    /// <summary><c>U+W*C?</c> at <paramref name="i"/>, or -1.</summary>
    private static int UpperRun(ReadOnlySpan<char> text, int i)
    {
        if ((Of(text[i]) & UpperLike) == 0)
        {
            return -1;
        }

        int end = RunEnd(text, RunEnd(text, i + 1, UpperLike), LowerLike);
        return end + Contraction(text, end, ignoreCase: true);
    }
}
