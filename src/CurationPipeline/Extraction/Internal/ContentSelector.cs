using AngleSharp.Html.Dom;
namespace CurationPipeline.Extraction.Internal;

/// <summary>Readability-style main-content selection over <see cref="DomAnalyzer"/> statistics: drops unlikely blocks,
/// scores paragraphs into their ancestors, picks the best container, adds good siblings and cleans the result conditionally.</summary>
internal static class ContentSelector
{
    private const int MinParagraphChars = 25;

    /// <summary>Blocks whose link text is above this share are link lists or teasers, not paragraph-like text (<see cref="NodeInfo.GoodTextLength"/>).</summary>
    private const double MaxGoodTextLinkDensity = 0.2;

    /// <summary>See <see cref="IsDataTable"/>: fewer rows are a menu as often as data.</summary>
    private const int MinDataTableRows = 3;

    /// <summary>A block named by an ambiguous cue (<see cref="BoilerplatePatterns.MaybeUnlikely"/>) is stripped only when its link text is above this share:
    /// when it is mostly links. Page builders name every block a "widget", comparison tables link their row labels and product headers
    /// hold a few links (WCXB dev tuning half: 0.3 to 0.35 scored 0.8722, 0.4 to 0.45 0.8731, 0.5 0.8737, 0.6 to 0.7 0.8739; Scrapinghub
    /// 0.976 up to 0.7).</summary>
    private const double MaxAmbiguousCueLinkDensity = 0.5;
    private const int MaxAncestorLevels = 5;
    private const int MaxAlternatives = 5;
    private const int MinAlternativesToClimb = 3;

    /// <summary>Blocks holding code or converted math are kept (never stripped or cleaned) unless links dominate them like this.</summary>
    private const double MaxCodeOrMathLinkDensity = 0.25;

    /// <summary>Returns the roots to serialize, in document order; marks dropped elements <see cref="NodeInfo.Removed"/>.</summary>
    /// <param name="analysis">A fresh analysis of the page (selection changes it).</param>
    /// <param name="flags">The heuristics of this attempt.</param>
    /// <param name="budget">The page's step budget.</param>
    /// <param name="pageGoodText">Paragraph-like text on the whole page before anything was stripped (see <see cref="NodeInfo.GoodTextLength"/>).</param>
    /// <param name="pageText">Text on the whole page after this attempt's stripping, before selection (chars).</param>
    public static List<NodeInfo> Select(DomAnalyzer analysis, SelectionFlags flags, ExtractionBudget budget, out int pageGoodText, out int pageText)
    {
        List<NodeInfo> all = analysis.All;
        pageGoodText = MeasureGoodText(all, budget);
        if (flags.StripUnlikely)
        {
            StripUnlikely(all, analysis.Cues, budget);
            MeasureGoodText(all, budget);
        }

        pageText = all[0].TextLength;
        if (flags.KeepWholeBody)
        {
            return [all[0]];
        }

        List<NodeInfo> candidates = ScoreParagraphs(all, flags, analysis.Cues, budget);
        NodeInfo? top = null;
        foreach (NodeInfo candidate in candidates)
        {
            candidate.Score *= 1 - candidate.LinkDensity;
            if (top is null || candidate.Score > top.Score)
            {
                top = candidate;
            }
        }

        if (top is null)
        {
            return [all[0]];
        }

        top = Climb(top, candidates, budget);
        top = Widen(top, all[0].GoodTextLength * flags.WidenShare);
        List<NodeInfo> roots = WithSiblings(top, analysis);
        FaqSections.AddNear(top, roots, all, budget);
        if (flags.CleanConditionally)
        {
            foreach (NodeInfo root in roots)
            {
                CleanConditionally(all, root, flags, analysis.Cues, budget);
            }
        }

        return roots;
    }

    private static void StripUnlikely(List<NodeInfo> all, NameCueCache cues, ExtractionBudget budget)
    {
        for (int i = 1; i < all.Count; i++)
        {
            budget.Tick();
            NodeInfo info = all[i];
            if (info.Parent!.Removed)
            {
                info.Removed = true;
            }
            else if (IsUnlikely(info, cues))
            {
                info.MarkRemoved();
            }
        }
    }

    private static bool IsUnlikely(NodeInfo info, NameCueCache cues)
    {
        if (info.Tag is "body" or "a" or "article" or "main" or "td" or "th" or "tr" or "tbody" or "table" or "p" or "pre" or "code"
            || info.CodeOrMathCount > 0)
        {
            return false;
        }

        if (info.Named(NameCues.MaybeContent, cues))
        {
            return false;
        }

        if (info.Named(NameCues.Unlikely, cues))
        {
            return true;
        }

        return info.Named(NameCues.MaybeUnlikely, cues) && (info.LinkDensity > MaxAmbiguousCueLinkDensity || info.TextLength == 0);
    }

    private static List<NodeInfo> ScoreParagraphs(List<NodeInfo> all, SelectionFlags flags, NameCueCache cues, ExtractionBudget budget)
    {
        var candidates = new List<NodeInfo>();
        foreach (NodeInfo info in all)
        {
            budget.Tick();
            if (info.Removed || info.OwnTextLength < MinParagraphChars || info.LinkDensity > 0.5 || !HtmlTags.Block.Contains(info.Tag))
            {
                continue;
            }

            double score = 1 + info.OwnCommas + Math.Min(info.OwnTextLength / 100, 3);
            NodeInfo? node = HtmlTags.Container.Contains(info.Tag) && info.BlockCount > 0 ? info : info.Parent;
            for (int level = 0; node is not null && level < MaxAncestorLevels; level++, node = node.Parent)
            {
                if (!node.IsCandidate)
                {
                    node.IsCandidate = true;
                    node.Score = HtmlTags.TagBias(node.Tag) + (flags.WeightClasses ? node.ClassWeight(cues) : 0);
                    candidates.Add(node);
                }

                node.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        return candidates;
    }

    private static NodeInfo Climb(NodeInfo top, List<NodeInfo> candidates, ExtractionBudget budget)
    {
        // Several near-best candidates under one ancestor mean the content is split; take the ancestor.
        var alternatives = new List<NodeInfo>();
        foreach (NodeInfo candidate in candidates)
        {
            if (candidate != top && candidate.Score >= top.Score * 0.75)
            {
                alternatives.Add(candidate);
            }
        }

        if (alternatives.Count > MaxAlternatives)
        {
            alternatives.Sort(static (a, b) => b.Score.CompareTo(a.Score));
            alternatives.RemoveRange(MaxAlternatives, alternatives.Count - MaxAlternatives);
        }

        if (alternatives.Count >= MinAlternativesToClimb)
        {
            for (NodeInfo? ancestor = top.Parent; ancestor is not null && ancestor.Tag != "body"; ancestor = ancestor.Parent)
            {
                budget.Tick();
                int inside = 0;
                foreach (NodeInfo alternative in alternatives)
                {
                    if (alternative.Index > ancestor.Index && alternative.Index < ancestor.End)
                    {
                        inside++;
                    }
                }

                if (inside >= MinAlternativesToClimb)
                {
                    top = ancestor;
                    break;
                }
            }
        }

        double lastScore = top.Score;
        double threshold = lastScore / 3;
        for (NodeInfo? parent = top.Parent; parent is not null && parent.Tag != "body"; parent = parent.Parent)
        {
            if (!parent.IsCandidate)
            {
                continue;
            }

            if (parent.Score < threshold)
            {
                break;
            }

            if (parent.Score > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parent.Score;
        }

        while (top.Parent is { } only && only.Tag != "body" && only.Element.ChildElementCount == 1)
        {
            top = only;
        }

        return top;
    }


    /// <summary>Sets <see cref="NodeInfo.GoodTextLength"/> on every element that is not removed, bottom-up.</summary>
    /// <returns>The root's value: the page's paragraph-like text.</returns>
    private static int MeasureGoodText(List<NodeInfo> all, ExtractionBudget budget)
    {
        foreach (NodeInfo info in all)
        {
            info.GoodTextLength = 0;
        }

        // Document order puts every child after its parent: walking backwards finishes each subtree before its parent.
        for (int i = all.Count - 1; i >= 0; i--)
        {
            budget.Tick();
            NodeInfo info = all[i];
            if (info.Removed)
            {
                continue;
            }

            if (info.OwnTextLength > 0 && info.LinkDensity <= MaxGoodTextLinkDensity && HtmlTags.Block.Contains(info.Tag))
            {
                info.GoodTextLength += info.OwnTextLength;
            }

            if (info.Parent is { } parent)
            {
                parent.GoodTextLength += info.GoodTextLength;
            }
        }

        return all[0].GoodTextLength;
    }

    /// <summary>Climbs from the chosen container until it holds <paramref name="wanted"/> chars of paragraph-like text: pages whose
    /// main content is many sibling sections (services, forums, listings, product details) have no single dominant body.</summary>
    private static NodeInfo Widen(NodeInfo top, double wanted)
    {
        while (top.GoodTextLength < wanted && top.Parent is { } parent && parent.Parent is not null && parent.Tag != "body")
        {
            top = parent;
        }

        return top;
    }

    private static List<NodeInfo> WithSiblings(NodeInfo top, DomAnalyzer analysis)
    {
        if (top.Parent is null)
        {
            return [top];
        }

        var roots = new List<NodeInfo>();
        double threshold = Math.Max(10, top.Score * 0.2);
        string topClass = top.Element.ClassName ?? "";
        foreach (AngleSharp.Dom.IElement child in top.Parent.Element.Children)
        {
            if (!analysis.ByElement.TryGetValue(child, out NodeInfo? sibling) || sibling.Removed)
            {
                continue;
            }

            if (sibling == top)
            {
                roots.Add(sibling);
                continue;
            }

            double bonus = topClass.Length > 0 && topClass == (child.ClassName ?? "") ? top.Score * 0.2 : 0;
            if (sibling.IsCandidate && sibling.Score + bonus >= threshold)
            {
                roots.Add(sibling);
            }
            else if (sibling.CodeOrMathCount > 0 && sibling.LinkDensity < MaxCodeOrMathLinkDensity)
            {
                roots.Add(sibling);
            }
            else if (sibling.Tag == "p" || (HtmlTags.Block.Contains(sibling.Tag) && sibling.BlockCount == 0))
            {
                double linkDensity = sibling.LinkDensity;
                if ((sibling.TextLength > 80 && linkDensity < 0.25)
                    || (sibling.TextLength is > 0 and <= 80 && linkDensity == 0 && sibling.SentenceEnds > 0))
                {
                    roots.Add(sibling);
                }
            }
        }

        return roots;
    }

    private static void CleanConditionally(List<NodeInfo> all, NodeInfo root, SelectionFlags flags, NameCueCache cues, ExtractionBudget budget)
    {
        for (int i = root.Index + 1; i < root.End; i++)
        {
            budget.Tick();
            NodeInfo info = all[i];
            if (info.Parent!.Removed)
            {
                info.Removed = true;
            }
            else if (!info.Removed && LooksLikeBoilerplate(info, flags, cues))
            {
                info.MarkRemoved();
            }
        }
    }

    /// <summary>A table of at least <see cref="MinDataTableRows"/> rows, each with a cell of text outside links: a comparison or
    /// spec table whose row labels link to their definitions, not a link list laid out as a table.</summary>
    private static bool IsDataTable(NodeInfo info)
    {
        if (info.Element is not IHtmlTableElement table || table.Rows.Length < MinDataTableRows)
        {
            return false;
        }

        foreach (IHtmlTableRowElement row in table.Rows)
        {
            if (!row.Cells.Any(cell => cell.GetElementsByTagName("a").Length == 0 && !string.IsNullOrWhiteSpace(cell.TextContent)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeBoilerplate(NodeInfo info, SelectionFlags flags, NameCueCache cues)
    {
        // Code and formulas are short, symbol-dense and comma-free: the statistics below would take them for debris.
        if (info.CodeOrMathCount > 0 && info.LinkDensity < MaxCodeOrMathLinkDensity)
        {
            return false;
        }

        string tag = info.Tag;
        int weight = flags.WeightClasses ? info.ClassWeight(cues) : 0;
        if (tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
        {
            // A linked heading titles a card or a section of the content (listings, collections); a link list is not made of headings.
            return weight < 0;
        }

        if (tag is "p" or "li" or "dd" or "dt")
        {
            return weight < 0 || (info.LinkDensity > 0.6 && info.TextLength < 200);
        }

        if (!HtmlTags.Conditional.Contains(tag))
        {
            return false;
        }

        if (weight < 0)
        {
            return true;
        }

        if (info.Commas >= 10)
        {
            return false;
        }

        bool isList = tag is "ul" or "ol" or "dl";
        int paragraphs = info.ParagraphCount;
        int images = info.ImageCount;
        double linkDensity = info.LinkDensity;
        double headingDensity = info.TextLength == 0 ? 0 : (double)info.HeadingTextLength / info.TextLength;
        return (images > 1 && (double)paragraphs / images < 0.5 && !isList)
            || (info.InputCount > paragraphs / 3)
            || (!isList && headingDensity < 0.9 && info.TextLength < MinParagraphChars && (images == 0 || images > 2))
            || (!isList && weight < 25 && linkDensity > 0.2 && !IsDataTable(info))
            || (isList && linkDensity > 0.5)
            || (weight >= 25 && linkDensity > 0.5);
    }
}
