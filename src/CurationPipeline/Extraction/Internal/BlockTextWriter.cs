using System.Text;
using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Serializes the selected subtrees as structured plain text: blocks on their own lines, paragraphs separated by a blank line,
/// list items and table rows one per line (cells joined by <c>" | "</c>), pre/code whitespace kept, other whitespace collapsed.</summary>
internal sealed class BlockTextWriter : IDomVisitor
{
    private const string CellSeparator = " | ";
    private readonly StringBuilder _text = new();
    private readonly Dictionary<IElement, NodeInfo> _infos;
    private int _pendingBreaks;
    private bool _pendingSpace;
    private int _preDepth;
    private int _cellsInRow;

    public BlockTextWriter(Dictionary<IElement, NodeInfo> infos)
    {
        _infos = infos;
    }

    /// <summary>Writes one selected root (the root element itself included).</summary>
    public void Write(NodeInfo root, ExtractionDeadline deadline)
    {
        if (Enter(root.Element))
        {
            DomWalker.Walk(root.Element, this, deadline);
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

        if (node is not IElement element || (_infos.TryGetValue(element, out NodeInfo? info) && info.Removed))
        {
            return false;
        }

        switch (element.LocalName)
        {
            case "br":
                Break(1);
                return false;
            case "pre":
                Break(2);
                _preDepth++;
                return true;
            case "tr":
                Break(1);
                _cellsInRow = 0;
                return true;
            case "td" or "th" when info is null || info.BlockCount == 0:
                if (_cellsInRow++ > 0)
                {
                    Flush();
                    _text.Append(CellSeparator);
                }

                return true;
            case "img" or "input" or "hr" or "wbr":
                return false;
            case var tag when HtmlTags.Block.Contains(tag):
                Break(HtmlTags.Paragraph.Contains(tag) ? 2 : 1);
                return true;
            default:
                return true;
        }
    }

    public void Exit(IElement element)
    {
        string tag = element.LocalName;
        if (tag == "pre")
        {
            _preDepth--;
        }

        if (tag is "td" or "th" && !(_infos.TryGetValue(element, out NodeInfo? info) && info.BlockCount > 0))
        {
            return;
        }

        if (HtmlTags.Block.Contains(tag))
        {
            Break(HtmlTags.Paragraph.Contains(tag) ? 2 : 1);
        }
    }

    private void Break(int newlines)
    {
        _pendingBreaks = Math.Max(_pendingBreaks, newlines);
        _pendingSpace = false;
    }

    private void Flush()
    {
        if (_text.Length > 0)
        {
            if (_pendingBreaks > 0)
            {
                _text.Append('\n', _pendingBreaks);
            }
            else if (_pendingSpace)
            {
                _text.Append(' ');
            }
        }

        _pendingBreaks = 0;
        _pendingSpace = false;
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
}
