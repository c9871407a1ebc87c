using System.Buffers;
using System.Collections.Frozen;

namespace CurationPipeline.Extraction.Internal;

/// <summary>
/// Estimates, before parsing, the HTML tree builder's work: the sum, over start tags, of the elements open around each. The
/// builder scans its stack of open elements on many start tags, so its time grows with that sum (50,000 nested
/// <c>&lt;div&gt;</c> take tens of seconds); rejecting pages on it bounds the parse without a clock, so the outcome of a page
/// never depends on the machine's load.
/// </summary>
/// <remarks>
/// One linear pass with no allocation per tag. It follows the tree builder only roughly: void and self-closed elements never
/// open; an element that a sibling closes implicitly (<c>p</c>, <c>li</c>, table cells, …) closes the open one of its kind;
/// raw-text elements (<c>script</c>, <c>style</c>, …) are skipped to their end tag; an end tag closes the nearest open element
/// of its name and everything opened after it. Scope rules are ignored.
/// </remarks>
internal static class TagNestingScan
{
    private enum TagKind : byte
    {
        Nests,
        NeverOpen,
        ClosesItsKind,
        RawText,
    }

    private static readonly SearchValues<char> s_tagEndOrQuote = SearchValues.Create(">\"'");

    private static readonly FrozenDictionary<string, (TagKind Kind, string Group)> s_kinds = BuildKinds();

    private static readonly FrozenDictionary<string, (TagKind Kind, string Group)>.AlternateLookup<ReadOnlySpan<char>> s_kindByName =
        s_kinds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the nesting work of <paramref name="html"/>, or a value above <paramref name="limit"/> as soon as it is exceeded.</summary>
    /// <param name="html">The page.</param>
    /// <param name="limit">The work past which the scan stops.</param>
    public static long NestingWork(ReadOnlySpan<char> html, long limit)
    {
        var open = new Stack<int>();
        var openByName = new Dictionary<int, int>();
        long work = 0;
        int i = 0;
        while (i < html.Length)
        {
            int lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            i += lt + 1;
            if (i >= html.Length)
            {
                break;
            }

            char first = html[i];
            if (first == '!' || first == '?')
            {
                i = SkipMarkupDeclaration(html, i);
                continue;
            }

            bool isEnd = first == '/';
            int nameStart = isEnd ? i + 1 : i;
            int nameEnd = NameEnd(html, nameStart);
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                continue; // a literal '<' in text
            }

            ReadOnlySpan<char> name = html[nameStart..nameEnd];
            int tagEnd = TagEnd(html, nameEnd);
            bool selfClosed = tagEnd > 0 && tagEnd < html.Length && html[tagEnd - 1] == '/';
            i = tagEnd + 1;
            (TagKind kind, string? group) = s_kindByName.TryGetValue(name, out var known) ? known : (TagKind.Nests, null);
            int key = NameKey(group ?? name);
            if (isEnd)
            {
                Close(open, openByName, key);
                continue;
            }

            work += open.Count;
            if (work > limit)
            {
                return work;
            }

            switch (kind)
            {
                case TagKind.RawText:
                    int rawTextEnd = RawTextEnd(html, i, name);
                    i = rawTextEnd < 0 ? html.Length : rawTextEnd; // unclosed: its text runs to the end
                    break;
                case TagKind.ClosesItsKind:
                    Close(open, openByName, key);
                    Open(open, openByName, key);
                    break;
                case TagKind.Nests when !selfClosed:
                    Open(open, openByName, key);
                    break;
            }
        }

        return work;
    }

    /// <summary>An FNV-1a hash of the lower-cased name: fixed across processes (string hashing is randomized per process), so
    /// two names that collide do so in every run and the estimate stays deterministic.</summary>
    private static int NameKey(ReadOnlySpan<char> name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 16777619;
        }

        return (int)hash;
    }

    private static void Open(Stack<int> open, Dictionary<int, int> openByName, int key)
    {
        open.Push(key);
        openByName[key] = openByName.GetValueOrDefault(key) + 1;
    }

    /// <summary>Pops up to and including the nearest open element named <paramref name="key"/>; a stray end tag changes nothing.</summary>
    private static void Close(Stack<int> open, Dictionary<int, int> openByName, int key)
    {
        if (openByName.GetValueOrDefault(key) == 0)
        {
            return;
        }

        int popped;
        do
        {
            popped = open.Pop();
            openByName[popped]--;
        }
        while (popped != key);
    }

    private static int NameEnd(ReadOnlySpan<char> html, int start)
    {
        int end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':' or '_'))
        {
            end++;
        }

        return end;
    }

    /// <summary>The index of the tag's closing '&gt;' (quoted attribute values may hold one), or the end of input.</summary>
    private static int TagEnd(ReadOnlySpan<char> html, int from)
    {
        int i = from;
        while (i < html.Length)
        {
            int next = html[i..].IndexOfAny(s_tagEndOrQuote);
            if (next < 0)
            {
                return html.Length;
            }

            i += next;
            char c = html[i];
            if (c == '>')
            {
                return i;
            }

            int close = html[(i + 1)..].IndexOf(c);
            if (close < 0)
            {
                return html.Length;
            }

            i += close + 2;
        }

        return html.Length;
    }

    /// <summary>Skips a comment (to <c>--&gt;</c>), doctype or processing instruction (to '&gt;').</summary>
    private static int SkipMarkupDeclaration(ReadOnlySpan<char> html, int at)
    {
        if (html[at..].StartsWith("!--", StringComparison.Ordinal))
        {
            int close = html[(at + 3)..].IndexOf("-->", StringComparison.Ordinal);
            return close < 0 ? html.Length : at + 3 + close + 3;
        }

        int end = html[at..].IndexOf('>');
        return end < 0 ? html.Length : at + end + 1;
    }

    /// <summary>The index just past a raw-text element's end tag name (<c>&lt;/script</c> …) from <paramref name="from"/> on, or −1
    /// when <paramref name="html"/> holds none.</summary>
    /// <param name="html">The markup after the element's start tag.</param>
    /// <param name="from">Where its content starts.</param>
    /// <param name="name">The element's name (any case).</param>
    public static int RawTextEnd(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        int i = from;
        while (i < html.Length)
        {
            int lt = html[i..].IndexOf("</", StringComparison.Ordinal);
            if (lt < 0)
            {
                return -1;
            }

            i += lt + 2;
            if (html[i..].StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return i + name.Length;
            }
        }

        return -1;
    }

    private static FrozenDictionary<string, (TagKind Kind, string Group)> BuildKinds()
    {
        string[] neverOpen =
        [
            "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image", "input", "keygen", "link",
            "meta", "param", "source", "track", "wbr", "html", "head", "body",
        ];
        string[][] closeTheirKind =
        [
            ["p"], ["li"], ["dt", "dd"], ["td", "th"], ["tr"], ["thead", "tbody", "tfoot"], ["option"], ["optgroup"],
            ["caption"], ["colgroup"], ["rb", "rt", "rtc", "rp"],
        ];
        var kinds = new Dictionary<string, (TagKind, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in neverOpen)
        {
            kinds[name] = (TagKind.NeverOpen, name);
        }

        foreach (string[] kind in closeTheirKind)
        {
            foreach (string name in kind)
            {
                kinds[name] = (TagKind.ClosesItsKind, kind[0]);
            }
        }

        foreach (string name in HtmlTags.RawText)
        {
            kinds[name] = (TagKind.RawText, name);
        }

        return kinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
