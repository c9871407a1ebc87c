using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Removes recommendation and cross-sell sections ("Similar items", "Customers also bought", "You may also like",
/// "Recently viewed") found by their heading's text: shops build them as carousels of product cards whose class names are
/// generated or neutral, so no name cue finds them, but their headings are stock phrases. A section is the heading's largest
/// ancestor that holds no other heading of the same or a higher rank; a heading alone in its wrapper heads the siblings that
/// follow it, up to the next such heading.</summary>
internal static class CrossSellSections
{
    /// <summary>Longer headings are titles of content, not section labels.</summary>
    private const int MaxHeadingChars = 80;

    /// <summary>A section holding more than this share of the body's text is not a side strip: it is left alone.</summary>
    private const double MaxBodyShare = 0.5;

    private static bool IsCrossSellHeading(IElement heading)
    {
        string text = heading.TextContent;

        // The raw length bounds the whitespace a short heading's markup may hold: longer text is not measured.
        return text.Length <= MaxHeadingChars * 4
            && TextMeasure.NormalizedLength(text) <= MaxHeadingChars
            && BoilerplatePatterns.CrossSellHeading().IsMatch(text);
    }

    /// <summary>Removes the section of each heading that names a cross-sell section.</summary>
    /// <param name="body">The page body.</param>
    /// <param name="headings">Every heading of the cleaned page, in document order.</param>
    /// <param name="budget">The page's step budget.</param>
    public static void Remove(IElement body, IReadOnlyList<IElement> headings, ExtractionBudget budget)
    {
        int bodyChars = -1;
        foreach (IElement heading in headings)
        {
            if (!IsCrossSellHeading(heading) || !IsAttached(heading, body, budget))
            {
                continue;
            }

            int rank = Rank(heading);
            IElement section = heading;
            while (section.ParentElement is { } parent && parent != body && parent.LocalName is not ("main" or "article")
                && !HoldsOtherHeading(parent, heading, rank, headings, budget))
            {
                section = parent;
            }

            if (bodyChars < 0)
            {
                bodyChars = TextMeasure.NormalizedLength(body.TextContent);
            }

            int sectionChars = TextMeasure.NormalizedLength(section.TextContent);
            if (sectionChars > bodyChars * MaxBodyShare)
            {
                continue;
            }

            if (sectionChars == TextMeasure.NormalizedLength(heading.TextContent))
            {
                RemoveFollowingSiblings(section, heading, rank, headings, budget);
            }

            section.Remove();
        }
    }

    /// <summary>Removes the siblings after a heading-only wrapper up to the next one that is or holds a heading of the same or a higher rank.</summary>
    private static void RemoveFollowingSiblings(IElement wrapper, IElement heading, int rank, IReadOnlyList<IElement> headings, ExtractionBudget budget)
    {
        while (wrapper.NextElementSibling is { } next && !HoldsOtherHeading(next, heading, rank, headings, budget))
        {
            next.Remove();
        }
    }

    private static bool HoldsOtherHeading(IElement container, IElement heading, int rank, IReadOnlyList<IElement> headings, ExtractionBudget budget)
    {
        foreach (IElement other in headings)
        {
            budget.Tick();
            if (other != heading && Rank(other) <= rank && IsAttached(other, container, budget))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="element"/> is <paramref name="ancestor"/> or inside it (removed subtrees are detached).</summary>
    private static bool IsAttached(IElement element, IElement ancestor, ExtractionBudget budget)
    {
        for (IElement? node = element; node is not null; node = node.ParentElement)
        {
            budget.Tick();
            if (node == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>1 for <c>h1</c> … 6 for <c>h6</c>.</summary>
    private static int Rank(IElement heading) => heading.LocalName[1] - '0';
}
