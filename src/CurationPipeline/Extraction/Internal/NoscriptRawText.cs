using System.Collections.Frozen;
using System.Text;

namespace CurationPipeline.Extraction.Internal;

/// <summary>
/// Closes raw-text elements left open inside <c>&lt;noscript&gt;</c> before parsing. Browsers run scripts, so they read a
/// <c>&lt;noscript&gt;</c> as text up to <c>&lt;/noscript&gt;</c>; the extractor parses with scripting off to see the markup
/// in it, and then a tag manager's <c>&lt;noscript&gt;&lt;iframe … /&gt;&lt;/noscript&gt;</c> (the slash does not close an
/// iframe) opens an iframe whose raw text runs to the end of the page, which a browser never shows.
/// </summary>
internal static class NoscriptRawText
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_rawText =
        HtmlTags.RawText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns <paramref name="html"/> itself when no <c>&lt;noscript&gt;</c> leaves a raw-text element open, else a
    /// copy with the missing end tags put just before each <c>&lt;/noscript&gt;</c>.</summary>
    public static ReadOnlyMemory<char> Repair(ReadOnlyMemory<char> html)
    {
        ReadOnlySpan<char> span = html.Span;
        List<(int At, string EndTag)>? repairs = null;
        int from = 0;
        while (true)
        {
            int open = IndexOf(span, "<noscript", from);
            if (open < 0)
            {
                break;
            }

            int close = IndexOf(span, "</noscript", open);
            if (close < 0)
            {
                break;
            }

            if (UnclosedRawText(span[open..close]) is { } name)
            {
                (repairs ??= []).Add((close, "</" + name + ">"));
            }

            from = close;
        }

        return repairs is null ? html : Apply(span, repairs).AsMemory();
    }

    /// <summary>The name of the first raw-text element opened in <paramref name="noscript"/> without its end tag in it.</summary>
    private static string? UnclosedRawText(ReadOnlySpan<char> noscript)
    {
        int i = "<noscript".Length;
        while (i < noscript.Length)
        {
            int lt = noscript[i..].IndexOf('<');
            if (lt < 0)
            {
                return null;
            }

            i += lt + 1;
            int nameEnd = i;
            while (nameEnd < noscript.Length && char.IsAsciiLetter(noscript[nameEnd]))
            {
                nameEnd++;
            }

            if (!s_rawText.TryGetValue(noscript[i..nameEnd], out string? name))
            {
                continue;
            }

            i = TagNestingScan.RawTextEnd(noscript, nameEnd, name);
            if (i < 0)
            {
                return name;
            }
        }

        return null;
    }

    private static int IndexOf(ReadOnlySpan<char> text, string value, int from)
    {
        int at = text[from..].IndexOf(value, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? -1 : from + at;
    }

    private static string Apply(ReadOnlySpan<char> html, List<(int At, string EndTag)> repairs)
    {
        var repaired = new StringBuilder(html.Length + (repairs.Count * 12));
        int copied = 0;
        foreach ((int at, string endTag) in repairs)
        {
            repaired.Append(html[copied..at]).Append(endTag);
            copied = at;
        }

        return repaired.Append(html[copied..]).ToString();
    }
}
