using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Recognises the content chunks that streaming server renderers (React 18+) send after the page shell:
/// <c>&lt;div hidden id="S:1f"&gt;</c>, which a script then moves into place. They are the page's content, not hidden text.</summary>
internal static class StreamedChunks
{
    private const string IdPrefix = "S:";

    /// <summary>Whether <paramref name="element"/> is a streamed chunk: a hidden <c>div</c> whose id is <c>S:</c> and a hex number.</summary>
    public static bool IsChunk(IElement element)
    {
        if (element.LocalName != "div" || element.Id is not { Length: > 2 } id || !id.StartsWith(IdPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in id.AsSpan(IdPrefix.Length))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
