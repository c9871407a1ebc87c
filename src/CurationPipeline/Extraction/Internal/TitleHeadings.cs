namespace CurationPipeline.Extraction.Internal;

/// <summary>Drops the headline from the main text: a top-level heading whose text is part of the page title (which
/// <see cref="ExtractionResult.Title"/> already reports), or contains it.</summary>
internal static class TitleHeadings
{
    private const int MaxHeadlineChars = 400;
    private const int MinPartialChars = 15;

    public static void Remove(List<NodeInfo> all, List<NodeInfo> roots, string title, ExtractionBudget budget)
    {
        if (title.Length == 0)
        {
            return;
        }

        foreach (NodeInfo root in roots)
        {
            for (int i = root.Index; i < root.End; i++)
            {
                budget.Tick();
                NodeInfo info = all[i];
                if (!info.Removed && info.Tag is "h1" or "h2" && info.TextLength is > 0 and <= MaxHeadlineChars && Matches(info, title))
                {
                    info.MarkRemoved();
                }
            }
        }
    }

    private static bool Matches(NodeInfo heading, string title)
    {
        string text = TextMeasure.CollapseWhitespace(heading.Element.TextContent);
        // A short heading ("News") inside a longer title is more likely a section label than the headline.
        return (text.Length >= MinPartialChars || string.Equals(text, title, StringComparison.OrdinalIgnoreCase))
            && (title.Contains(text, StringComparison.OrdinalIgnoreCase) || text.Contains(title, StringComparison.OrdinalIgnoreCase));
    }
}
