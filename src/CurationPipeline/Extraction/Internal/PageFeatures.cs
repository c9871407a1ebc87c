using System.Text.RegularExpressions;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Cheap per-page signals that <see cref="StrategyChoice"/> decides from: what the page declares about itself, generic
/// words of its URL path, and how the first (strict) selection relates to the rest of the page.</summary>
/// <param name="DeclaresArticle">See <see cref="PageMetadata.DeclaresArticle"/>.</param>
/// <param name="DeclaresProduct">See <see cref="PageMetadata.DeclaresProduct"/>.</param>
/// <param name="UrlKind">The page kind named by a word of its URL path.</param>
/// <param name="Share">Selected text over the page's text after stripping blocks named as chrome.</param>
/// <param name="Confidence">The selection's <see cref="ExtractionConfidence"/>.</param>
/// <param name="SelectedChars">The selection's text length (normalized chars).</param>
/// <param name="PageChars">The page's text after stripping (chars).</param>
/// <param name="PageLinkDensity">Link text over all text of the page after the selection's stripping and cleaning.</param>
/// <param name="RestLinkDensity">Link density of the stripped page's text outside the selection.</param>
/// <param name="RestGoodShare">Paragraph-like share of the stripped page's text outside the selection.</param>
/// <param name="RestSentenceEnds">Sentence ends per 1,000 chars of the stripped page's text outside the selection.</param>
internal readonly record struct PageFeatures(
    bool DeclaresArticle,
    bool DeclaresProduct,
    UrlPageKind UrlKind,
    double Share,
    double Confidence,
    int SelectedChars,
    int PageChars,
    double PageLinkDensity,
    double RestLinkDensity,
    double RestGoodShare,
    double RestSentenceEnds);

/// <summary>Page kinds that generic URL path words name (never site names).</summary>
internal enum UrlPageKind
{
    /// <summary>No telling word.</summary>
    None,

    /// <summary><c>/product/</c>, <c>/shop/</c>, <c>/item/</c>, …</summary>
    Product,

    /// <summary><c>/forum/</c>, <c>/thread/</c>, <c>/topic/</c>, <c>/questions/</c>, …</summary>
    Forum,

    /// <summary><c>/category/</c>, <c>/tag/</c>, <c>/collections/</c>, <c>/search</c>, …</summary>
    Listing,

    /// <summary><c>/docs/</c>, <c>/api/</c>, <c>/reference/</c>, <c>/guide/</c>, …</summary>
    Documentation,

    /// <summary><c>/blog/</c>, <c>/news/</c>, <c>/article/</c>, or a dated path (<c>/2024/05/</c>).</summary>
    Article,
}

/// <summary>Reads <see cref="UrlPageKind"/> from a URL's path.</summary>
internal static partial class UrlPageKinds
{
    /// <summary>The first kind whose word appears as a whole path segment (or a segment's leading word) of <paramref name="url"/>.</summary>
    /// <param name="url">An absolute or relative URL; <c>null</c> or unparsable gives <see cref="UrlPageKind.None"/>.</param>
    public static UrlPageKind Of(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return UrlPageKind.None;
        }

        string path = Uri.TryCreate(url, UriKind.Absolute, out Uri? absolute) ? absolute.AbsolutePath : url;
        return ForumWord().IsMatch(path) ? UrlPageKind.Forum
            : ProductWord().IsMatch(path) ? UrlPageKind.Product
            : DocumentationWord().IsMatch(path) ? UrlPageKind.Documentation
            : ListingWord().IsMatch(path) ? UrlPageKind.Listing
            : ArticleWord().IsMatch(path) ? UrlPageKind.Article
            : UrlPageKind.None;
    }

    [GeneratedRegex(@"/(forums?|threads?|topics?|t|community|discussions?|questions|board|viewtopic|showthread)(/|[.-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForumWord();

    [GeneratedRegex(@"/(products?|shop|store|items?|p|dp|buy)(/|[.-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProductWord();

    [GeneratedRegex(@"/(docs?|documentation|api|reference|guides?|manual|wiki|learn|tutorials?)(/|[.-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentationWord();

    [GeneratedRegex(@"/(categor(y|ies)|tags?|collections?|search|archives?|list(ing)?s?|browse|c)(/|[.-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListingWord();

    [GeneratedRegex(@"/(blogs?|news|articles?|posts?|stor(y|ies))(/|[.-]|$)|/(19|20)\d\d/\d\d?/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleWord();
}
