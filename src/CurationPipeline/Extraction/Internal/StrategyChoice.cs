namespace CurationPipeline.Extraction.Internal;

/// <summary>The extraction strategies a page can end with.</summary>
internal enum ExtractionStrategy
{
    /// <summary>The selected container(s): one dominant body.</summary>
    Selection,

    /// <summary>The whole body less blocks named as chrome (<see cref="SelectionFlags.WholeBody"/>): no dominant body.</summary>
    WholeBody,
}

/// <summary>Decides per page whether the selection or the whole body is its main content: a hand-tuned rule on the selection's share
/// and confidence, and a logistic regression over all of <see cref="PageFeatures"/> that can only add whole-body pages.</summary>
/// <remarks>The model was fitted on WCXB dev's tuning half only (678 pages, <c>random.Random(18).sample</c> of the sorted ids), each page
/// weighted by how much the choice changes its F1, by <c>scripts/fit-extraction-choice.py</c> over the table the
/// <c>extraction-choice</c> bench command writes; rerun both after any change to selection, cleaning or the features, and paste the
/// printed constants. Weights are on the raw features (the fit's standardization folded in). Alone (score above 0) it gained on both
/// halves (0.855 → 0.856 tuning, 0.853 → 0.857 held-out) but took Scrapinghub to F1 0.965: it sends undeclared or link-framed
/// articles to the whole body. Added to the rule only above <see cref="ModelMargin"/> and only where the text the selection leaves out
/// is not mostly links, it keeps Scrapinghub at 0.976; with the rule, tuning 0.8555 and held-out 0.855.</remarks>
internal static class StrategyChoice
{
    /// <summary>When the selected text is less than this share of the page's text (after stripping blocks named as chrome), the page has
    /// no dominant body (tuned on WCXB dev).</summary>
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

    /// <summary>A selection this much longer than the page after stripping blocks named as chrome has swallowed such blocks (a
    /// product page's top container with its header, cart and recommendation strips): the stripped whole body is cleaner (1.2
    /// scored best on WCXB dev's tuning half, 1.1 to 1.3 within 0.1 page).</summary>
    private const double WholeBodyFromShare = 1.2;

    /// <summary>... but not from this share on: there the stripping took most of the page, so the names were wrong (forum threads and
    /// listings whose every post or card is named like a widget).</summary>
    private const double WholeBodyBelowShareOfSwallowed = 2;

    /// <summary>The model adds a whole-body page only above this log-odds (0.5 to 1 kept Scrapinghub at 0.976; 0 took it to 0.965).</summary>
    private const double ModelMargin = 0.5;

    /// <summary>... and only when less than this share of the text outside the selection is link text: a selection framed by link
    /// lists is an article in its chrome (0.5 to 0.7 scored alike on the tuning half).</summary>
    private const double ModelBelowRestLinkDensity = 0.5;

    private const double Bias = 1.6919;
    private const double Article = -1.3925;
    private const double Product = -1.5323;
    private const double Share = -0.0858;
    private const double Confidence = -3.2674;
    private const double LogSelectedChars = -0.4693;
    private const double LogPageChars = 0.7796;
    private const double PageLinkDensity = 2.3428;
    private const double RestLinkDensity = -0.5174;
    private const double RestGoodShare = 0.2763;
    private const double RestSentenceEnds = -0.0626;
    private const double UrlProduct = 1.0338;
    private const double UrlForum = -0.8686;
    private const double UrlListing = -1.0319;
    private const double UrlDocumentation = 1.2845;
    private const double UrlArticle = -1.0327;

    /// <summary>Sentence ends per 1,000 chars are capped here (as in the fit): a few pages of bare punctuation would dominate.</summary>
    private const double MaxRestSentenceEnds = 20;

    /// <summary>Chooses the strategy for one page.</summary>
    /// <param name="page">The page's signals, measured on its selection.</param>
    public static ExtractionStrategy Choose(in PageFeatures page)
    {
        bool byRule = (page.Share < (page.DeclaresArticle ? WholeBodyBelowShareOfArticle : WholeBodyBelowShare) && page.Confidence < WholeBodyBelowConfidence)
            || (!page.DeclaresArticle && page.Share < WholeBodyBelowShareAtAnyConfidence)
            || page.Share is >= WholeBodyFromShare and < WholeBodyBelowShareOfSwallowed;
        bool wholeBody = byRule || (page.RestLinkDensity < ModelBelowRestLinkDensity && Score(page) > ModelMargin);
        return wholeBody ? ExtractionStrategy.WholeBody : ExtractionStrategy.Selection;
    }

    /// <summary>The model's log-odds that the whole body scores better than the selection.</summary>
    /// <param name="page">The page's signals.</param>
    public static double Score(in PageFeatures page) =>
        Bias
        + (page.DeclaresArticle ? Article : 0)
        + (page.DeclaresProduct ? Product : 0)
        + (Share * page.Share)
        + (Confidence * page.Confidence)
        + (LogSelectedChars * Math.Log10(1 + page.SelectedChars))
        + (LogPageChars * Math.Log10(1 + page.PageChars))
        + (PageLinkDensity * page.PageLinkDensity)
        + (RestLinkDensity * page.RestLinkDensity)
        + (RestGoodShare * page.RestGoodShare)
        + (RestSentenceEnds * Math.Min(MaxRestSentenceEnds, page.RestSentenceEnds))
        + page.UrlKind switch
        {
            UrlPageKind.Product => UrlProduct,
            UrlPageKind.Forum => UrlForum,
            UrlPageKind.Listing => UrlListing,
            UrlPageKind.Documentation => UrlDocumentation,
            UrlPageKind.Article => UrlArticle,
            _ => 0,
        };
}
