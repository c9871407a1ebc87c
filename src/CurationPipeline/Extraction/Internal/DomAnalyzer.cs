using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>One walk that builds a <see cref="NodeInfo"/> per element with subtree text, link text, punctuation and tag counts.</summary>
internal sealed class DomAnalyzer : IDomVisitor
{
    private readonly List<NodeInfo> _stack = [];
    private readonly List<NodeInfo> _blocks = [];
    private int _linkDepth;
    private int _headingDepth;

    private DomAnalyzer(NodeInfo root, NameCueCache cues)
    {
        Cues = cues;
        _stack.Add(root);
        _blocks.Add(root);
        All.Add(root);
        ByElement.Add(root.Element, root);
    }

    /// <summary>Every element's info in document order; the root is first.</summary>
    public List<NodeInfo> All { get; } = [];

    public Dictionary<IElement, NodeInfo> ByElement { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The page's class and id cues.</summary>
    public NameCueCache Cues { get; }

    /// <param name="root">The subtree to analyze (the body).</param>
    /// <param name="cues">The page's class and id cues, shared by every analysis of the page.</param>
    /// <param name="budget">The page's step budget.</param>
    public static DomAnalyzer Analyze(IElement root, NameCueCache cues, ExtractionBudget budget)
    {
        var analyzer = new DomAnalyzer(Create(root, null, 0), cues);
        DomWalker.Walk(root, analyzer, budget);
        analyzer.All[0].End = analyzer.All.Count;
        return analyzer;
    }

    public bool Enter(INode node)
    {
        NodeInfo current = _stack[^1];
        if (node is IText text)
        {
            ReadOnlySpan<char> data = text.Data;
            int length = TextMeasure.NormalizedLength(data);
            if (length == 0)
            {
                return false;
            }

            int commas = TextMeasure.CountCommas(data);
            current.TextLength += length;
            current.Commas += commas;
            current.SentenceEnds += TextMeasure.CountSentenceEnds(data);
            if (_linkDepth > 0)
            {
                current.LinkTextLength += length;
            }

            if (_headingDepth > 0)
            {
                current.HeadingTextLength += length;
            }

            NodeInfo owner = _blocks[^1];
            owner.OwnTextLength += length + 1;
            owner.OwnCommas += commas;
            return false;
        }

        if (node is not IElement element)
        {
            return false;
        }

        string tag = element.LocalName;
        NodeInfo info = Create(element, current, All.Count);
        _stack.Add(info);
        All.Add(info);
        ByElement.Add(element, info);
        if (HtmlTags.Block.Contains(tag))
        {
            _blocks.Add(info);
        }

        if (tag == "a")
        {
            _linkDepth++;
        }
        else if (HtmlTags.Heading.Contains(tag))
        {
            _headingDepth++;
        }

        return true;
    }

    private static NodeInfo Create(IElement element, NodeInfo? parent, int index) =>
        new(element, parent, element.LocalName) { Index = index, ClassName = element.ClassName, Id = element.Id };

    public void Exit(IElement element)
    {
        NodeInfo info = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        NodeInfo parent = _stack[^1];
        info.End = All.Count;
        string tag = info.Tag;
        bool isBlock = _blocks[^1] == info;
        if (isBlock)
        {
            _blocks.RemoveAt(_blocks.Count - 1);
        }

        if (tag == "a")
        {
            _linkDepth--;
        }
        else if (HtmlTags.Heading.Contains(tag))
        {
            _headingDepth--;
        }

        parent.TextLength += info.TextLength;
        parent.LinkTextLength += info.LinkTextLength;
        parent.Commas += info.Commas;
        parent.SentenceEnds += info.SentenceEnds;
        parent.HeadingTextLength += info.HeadingTextLength;
        parent.ParagraphCount += info.ParagraphCount + (tag == "p" ? 1 : 0);
        parent.ImageCount += info.ImageCount + (tag == "img" ? 1 : 0);
        parent.ListItemCount += info.ListItemCount + (tag == "li" ? 1 : 0);
        parent.InputCount += info.InputCount + (tag == "input" ? 1 : 0);
        parent.CodeOrMathCount += info.CodeOrMathCount + (NodeInfo.IsCodeOrMath(tag) ? 1 : 0);
        parent.BlockCount += info.BlockCount + (isBlock ? 1 : 0);
    }
}
