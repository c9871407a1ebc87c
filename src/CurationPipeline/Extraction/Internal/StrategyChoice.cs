namespace CurationPipeline.Extraction.Internal;

/// <summary>The extraction strategies a page can end with.</summary>
internal enum ExtractionStrategy
{
    /// <summary>The selected container(s): one dominant body.</summary>
    Selection,

    /// <summary>The whole body less blocks named as chrome (<see cref="SelectionFlags.WholeBody"/>): no dominant body.</summary>
    WholeBody,
}

/// <summary>Decides per page whether the selection or the whole body is its main content, from <see cref="PageFeatures"/>.</summary>
internal static class StrategyChoice
{
    /// <summary>When the selected text is less than this share of the page's text (after stripping blocks named as chrome), the page has
    /// no dominant body and <see cref="SelectionFlags.WholeBody"/> is used instead (tuned on WCXB dev).</summary>
    private const double WholeBodyBelowShare = 0.65;

    /// <summary>The same for pages that declare themselves articles (<see cref="PageMetadata.DeclaresArticle"/>): their teasers and
    /// comment threads are not main content, so the selection must be much smaller before the whole body is taken.</summary>
    private const double WholeBodyBelowShareOfArticle = 0.2;

    /// <summary>... and only when the selection also covers less than this of the page's paragraph-like text
    /// (<see cref="ExtractionResult.Confidence"/>): a selection that holds most paragraphs of a page full of link lists is its body.</summary>
    private const double WholeBodyBelowConfidence = 0.6;

    /// <summary>On pages that do not declare an article, a selection holding less than this share of the page's text is too small
    /// whatever its confidence: listings of link cards have little paragraph-like text, so one card's blurb can cover most of it
    /// (tuned on WCXB dev's tuning half: 0.1 to 0.3 scored the same there; the smallest kept Scrapinghub at 0.975).</summary>
    private const double WholeBodyBelowShareAtAnyConfidence = 0.1;

    /// <summary>Chooses the strategy for one page.</summary>
    /// <param name="page">The page's signals, measured on its strict selection.</param>
    public static ExtractionStrategy Choose(in PageFeatures page)
    {
        bool wholeBody = (page.Share < (page.DeclaresArticle ? WholeBodyBelowShareOfArticle : WholeBodyBelowShare) && page.Confidence < WholeBodyBelowConfidence)
            || (!page.DeclaresArticle && page.Share < WholeBodyBelowShareAtAnyConfidence);
        return wholeBody ? ExtractionStrategy.WholeBody : ExtractionStrategy.Selection;
    }
}
