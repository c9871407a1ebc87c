using static CurationPipeline.Tokenization.Internal.FastPath.PreTokenCharClasses;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary>
/// <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c> (cl100k_base).
/// </summary>
internal sealed class Cl100kPreTokenScanner : PreTokenScanner
{
    public static readonly Cl100kPreTokenScanner Instance = new();

    public override int End(ReadOnlySpan<char> text, int start)
    {
        int contraction = Contraction(text, start, ignoreCase: true);
        if (contraction > 0)
        {
            return start + contraction;
        }

        char first = text[start];
        int bits = Of(first);
        if ((bits & Letter) != 0)
        {
            return RunEnd(text, start + 1, Letter);
        }

        bool hasNext = start + 1 < text.Length;
        if (hasNext && IsWordPrefix(first) && (Of(text[start + 1]) & Letter) != 0)
        {
            return RunEnd(text, start + 2, Letter);
        }

        if ((bits & Number) != 0)
        {
            int end = start + 1;
            while (end < text.Length && end < start + 3 && (Of(text[end]) & Number) != 0)
            {
                end++;
            }

            return end;
        }

        int symbols = first == ' ' && hasNext && IsOther(text[start + 1]) ? start + 1 : start;
        if (IsOther(text[symbols]))
        {
            return RunEnd(text, OtherRunEnd(text, symbols + 1), Newline);
        }

        return WhiteSpaceWithNewlinesEnd(text, start);
    }
}
