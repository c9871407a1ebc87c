using System.Text;
using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Serializes the selected subtrees as structured text in one <see cref="ExtractionFormat"/>: blocks on their own lines,
/// paragraphs separated by a blank line, list items and table rows one per line, pre/code whitespace kept, other whitespace
/// collapsed, converted math as <c>$...$</c> / <c>$$...$$</c>. Plain text joins table cells with <c>" | "</c>; Markdown adds
/// heading, list and quote markers, code fences with the language, pipe tables and inline code. A long block that repeats an
/// earlier one word for word is left out (<see cref="RepeatedBlocks"/>).</summary>
internal sealed class BlockTextWriter : IDomVisitor
{
    private const string CellSeparator = " | ";
    private const string Fence = "```";
    private readonly StringBuilder _text = new();
    private readonly Dictionary<IElement, NodeInfo> _infos;
    private readonly bool _markdown;
    private readonly RepeatedBlocks _repeats;
    private ExtractionBudget? _budget;

    /// <summary>Markdown line prefixes (quote markers, list indents, heading and item markers), outermost first.</summary>
    private readonly List<LinePrefix> _prefixes = [];

    /// <summary>Per open list: the next item number, or 0 for a bulleted list.</summary>
    private readonly List<int> _lists = [];

    /// <summary>Per open table: rows written so far (Markdown writes the header separator after the first).</summary>
    private readonly List<int> _tables = [];
    private int _pendingBreaks;
    private bool _pendingSpace;
    private int _preDepth;
    private int _cellDepth;
    private int _cellsInRow;
    private int _inlineCodeDepth;

    public BlockTextWriter(Dictionary<IElement, NodeInfo> infos, ExtractionFormat format)
    {
        _infos = infos;
        _markdown = format == ExtractionFormat.Markdown;
        _repeats = new RepeatedBlocks(infos);
    }

    /// <summary>Writes one selected root (the root element itself included).</summary>
    public void Write(NodeInfo root, ExtractionBudget budget)
    {
        _budget = budget;
        if (Enter(root.Element))
        {
            DomWalker.Walk(root.Element, this, budget);
            Exit(root.Element);
        }
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _text.ToString();

    public bool Enter(INode node)
    {
        if (node is IText text)
        {
            if (_preDepth > 0)
            {
                WritePreformatted(text.Data);
            }
            else
            {
                WriteInline(text.Data);
            }

            return false;
        }

        NodeInfo? info = null;
        if (node is not IElement element || (_infos.TryGetValue(element, out info) && info.Removed))
        {
            return false;
        }

        string tag = element.LocalName;
        switch (tag)
        {
            case "br":
                Break(1);
                return false;
            case MathSources.ElementName:
                WriteMath(element);
                return false;
            case "pre":
                Break(2);
                if (_preDepth++ == 0 && _markdown)
                {
                    Flush();
                    _text.Append(Fence).Append(CodeLanguage.Find(element));
                    Break(1);
                }

                return true;
            case "code" or "kbd" or "samp" or "tt" when _markdown && _preDepth == 0:
                if (_inlineCodeDepth++ == 0)
                {
                    Flush();
                    _text.Append('`');
                }

                return true;
            case "tr":
                Break(1);
                _cellsInRow = 0;
                return true;
            case "td" or "th" when IsSimpleCell(info):
                _cellDepth++;
                if (_cellsInRow++ > 0)
                {
                    _pendingSpace = false;
                    Flush();
                    _text.Append(CellSeparator);
                }
                else if (_markdown)
                {
                    Flush();
                    _text.Append("| ");
                }

                return true;
            case "img" or "input" or "hr" or "wbr":
                return false;
            case var block when HtmlTags.Block.Contains(block):
                if (_repeats.IsRepeat(element, info, _budget!))
                {
                    return false;
                }

                Break(HtmlTags.Paragraph.Contains(block) ? 2 : 1);
                if (_markdown)
                {
                    EnterMarkdownBlock(element);
                }

                return true;
            default:
                return true;
        }
    }

    public void Exit(IElement element)
    {
        string tag = element.LocalName;
        switch (tag)
        {
            case "pre":
                if (--_preDepth == 0 && _markdown)
                {
                    TrimTrailingNewlines();
                    Break(1);
                    Flush();
                    _text.Append(Fence);
                }

                break;
            case "code" or "kbd" or "samp" or "tt" when _inlineCodeDepth > 0:
                if (--_inlineCodeDepth == 0)
                {
                    _text.Append('`');
                }

                return;
            case "td" or "th" when IsSimpleCell(_infos.GetValueOrDefault(element)):
                _cellDepth--;
                return;
            case "tr" when _markdown && _cellsInRow > 0:
                _text.Append(" |");
                if (_tables.Count > 0 && _tables[^1]++ == 0)
                {
                    Break(1);
                    Flush();
                    _text.Append('|');
                    for (int i = 0; i < _cellsInRow; i++)
                    {
                        _text.Append(" --- |");
                    }
                }

                _cellsInRow = 0;
                break;
        }

        if (HtmlTags.Block.Contains(tag))
        {
            if (_markdown)
            {
                ExitMarkdownBlock(tag);
            }

            Break(HtmlTags.Paragraph.Contains(tag) ? 2 : 1);
        }
    }

    /// <summary>A cell without blocks inside is written inline in its row; layout cells holding blocks are written as blocks.</summary>
    private static bool IsSimpleCell(NodeInfo? info) => info is null || info.BlockCount == 0;

    private void EnterMarkdownBlock(IElement element)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                _prefixes.Add(new LinePrefix("", new string('#', element.LocalName[1] - '0') + " "));
                break;
            case "blockquote":
                _prefixes.Add(new LinePrefix("> ", null));
                break;
            case "ul":
                _lists.Add(0);
                break;
            case "ol":
                _lists.Add(int.TryParse(element.GetAttribute("start"), out int start) && start is >= 0 and < 1_000_000 ? Math.Max(start, 1) : 1);
                break;
            case "li":
                string marker = "- ";
                if (_lists.Count > 0 && _lists[^1] > 0)
                {
                    marker = _lists[^1]++ + ". ";
                }

                _prefixes.Add(new LinePrefix(new string(' ', marker.Length), marker));
                break;
            case "table":
                _tables.Add(0);
                break;
        }
    }

    private void ExitMarkdownBlock(string tag)
    {
        switch (tag)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "li":
                _prefixes.RemoveAt(_prefixes.Count - 1);
                break;
            case "ul" or "ol":
                _lists.RemoveAt(_lists.Count - 1);
                break;
            case "table":
                _tables.RemoveAt(_tables.Count - 1);
                break;
        }
    }

    private void WriteMath(IElement math)
    {
        bool display = math.HasAttribute(MathSources.DisplayAttribute);
        string delimiter = display ? "$$" : "$";
        if (display)
        {
            Break(2);
        }

        Flush();
        _text.Append(delimiter).Append(math.TextContent).Append(delimiter);
        if (display)
        {
            Break(2);
        }
    }

    private void Break(int newlines)
    {
        _pendingBreaks = Math.Max(_pendingBreaks, newlines);
        _pendingSpace = false;
    }

    private void Flush()
    {
        if (_text.Length == 0)
        {
            AppendPrefixes(blankLine: false);
        }
        else if (_pendingBreaks > 0)
        {
            for (int i = 1; i < _pendingBreaks; i++)
            {
                _text.Append('\n');
                AppendPrefixes(blankLine: true);
            }

            _text.Append('\n');
            AppendPrefixes(blankLine: false);
        }
        else if (_pendingSpace)
        {
            _text.Append(' ');
        }

        _pendingBreaks = 0;
        _pendingSpace = false;
    }

    /// <summary>Starts a Markdown line inside the open quotes, lists and headings; a pending item or heading marker is written
    /// once, on the first line that has text. A blank line gets only the quote markers.</summary>
    private void AppendPrefixes(bool blankLine)
    {
        if (_prefixes.Count == 0)
        {
            return;
        }

        int start = _text.Length;
        foreach (LinePrefix prefix in _prefixes)
        {
            if (blankLine)
            {
                // A blank line before a quote's or item's first line belongs to the enclosing block.
                if (prefix.Started)
                {
                    _text.Append(prefix.Indent);
                }
            }
            else if (prefix.Marker is { } marker)
            {
                _text.Append(marker);
                prefix.Marker = null;
            }
            else
            {
                _text.Append(prefix.Indent);
            }

            prefix.Started |= !blankLine;
        }

        if (blankLine)
        {
            int end = _text.Length;
            while (end > start && _text[end - 1] == ' ')
            {
                end--;
            }

            _text.Length = end;
        }
    }

    private void TrimTrailingNewlines()
    {
        int end = _text.Length;
        while (end > 0 && _text[end - 1] is '\n' or ' ')
        {
            end--;
        }

        _text.Length = end;
    }

    private void WriteInline(ReadOnlySpan<char> data)
    {
        foreach (char c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace |= _pendingBreaks == 0;
            }
            else if (!IsInvisible(c))
            {
                Flush();
                if (c == '|' && _markdown && _cellDepth > 0)
                {
                    _text.Append('\\');
                }

                _text.Append(c);
            }
        }
    }

    private void WritePreformatted(ReadOnlySpan<char> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        Flush();
        foreach (char c in data)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    _text.Append('\n');
                    AppendPrefixes(blankLine: false);
                    break;
                case '\u00A0':
                    _text.Append(' ');
                    break;
                default:
                    if (!IsInvisible(c))
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\u2060';

    /// <summary>One level of Markdown line prefix: <see cref="Indent"/> on every line, <see cref="Marker"/> instead on the first.</summary>
    private sealed class LinePrefix(string indent, string? marker)
    {
        public string Indent { get; } = indent;

        public string? Marker { get; set; } = marker;

        /// <summary>Whether a line with text has been written inside this level.</summary>
        public bool Started { get; set; }
    }
}
