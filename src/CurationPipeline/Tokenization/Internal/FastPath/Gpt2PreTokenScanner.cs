using static CurationPipeline.Tokenization.Internal.FastPath.PreTokenCharClasses;

namespace CurationPipeline.Tokenization.Internal.FastPath;

/// <summary><c>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</c> (GPT-2, r50k).</summary>
internal sealed class Gpt2PreTokenScanner : PreTokenScanner
{
    public static readonly Gpt2PreTokenScanner Instance = new();

    public override int End(ReadOnlySpan<char> text, int start)
    {
        int contraction = Contraction(text, start, ignoreCase: false);
        if (contraction > 0)
        {
            return start + contraction;
        }

        // " ?" takes the space only when the class that follows it matches the next character.
        int afterSpace = text[start] == ' ' && start + 1 < text.Length ? start + 1 : start;
        int next = Of(text[afterSpace]);
        if ((next & (Letter | Number)) != 0)
        {
            return RunEnd(text, afterSpace + 1, next & (Letter | Number));
        }

        if ((next & WhiteSpace) == 0)
        {
            return OtherRunEnd(text, afterSpace + 1);
        }

        return TrailingWhiteSpaceEnd(text, start);
    }
}
