namespace CurationPipeline.Extraction.Internal;

/// <summary>Adds the questions-and-answers block that follows an article or a service description to the selection: pages put
/// it in its own section beside the body's wrapper (a FAQ accordion after the text), where neither the chosen container nor its
/// siblings reach it, yet it is part of the page's content.</summary>
internal static class FaqSections
{
    /// <summary>How many levels above the chosen container the search for a FAQ block reaches (3 and 5 scored alike on the WCXB
    /// tuning half).</summary>
    private const int MaxLevels = 3;

    /// <summary>A FAQ block needs this much text (chars) and at most <see cref="MaxLinkDensity"/> of it in links.</summary>
    private const int MinChars = 100;

    private const double MaxLinkDensity = 0.5;

    /// <summary>The class or id word that names a FAQ block (matched anywhere, case-insensitive: <c>faq</c>, <c>FAQs</c>,
    /// <c>blog-faq_wrapper</c>); a plain search, since every element in reach is tested.</summary>
    private const string FaqWord = "faq";

    /// <summary>Adds to <paramref name="roots"/> (kept in document order) each block named as a FAQ (<see cref="FaqWord"/>)
    /// that lies near <paramref name="top"/> but outside every root.</summary>
    public static void AddNear(NodeInfo top, List<NodeInfo> roots, List<NodeInfo> all, ExtractionBudget budget)
    {
        NodeInfo scope = top;
        for (int level = 0; level < MaxLevels && scope.Parent is { } parent && parent.Tag != "body"; level++)
        {
            scope = parent;
        }

        bool added = false;
        for (int i = scope.Index + 1; i < scope.End; i++)
        {
            budget.Tick();
            NodeInfo info = all[i];
            if (info.Removed || Contains(roots, i))
            {
                i = info.End - 1;
                continue;
            }

            if ((Names(info.ClassName) || Names(info.Id)) && info.TextLength >= MinChars && info.LinkDensity <= MaxLinkDensity)
            {
                roots.Add(info);
                added = true;
                i = info.End - 1;
            }
        }

        if (added)
        {
            roots.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        }
    }

    private static bool Names(string? value) => value is not null && value.Contains(FaqWord, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(List<NodeInfo> roots, int index)
    {
        foreach (NodeInfo root in roots)
        {
            if (index >= root.Index && index < root.End)
            {
                return true;
            }
        }

        return false;
    }
}
