using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Reads the title, the declared language and the declared page kind from the parsed document (before cleaning removes
/// &lt;head&gt; and scripts).</summary>
internal static partial class PageMetadata
{
    /// <summary>Whether the page declares itself a discussion: a schema.org <c>DiscussionForumPosting</c> in its
    /// JSON-LD or microdata. Its comments and replies are then the main content, not chrome below it.</summary>
    public static bool DeclaresDiscussion(DocumentScan scan) => DeclaresType(scan, DiscussionItemType(), DiscussionJsonLdType());

    /// <summary>Whether the page declares itself an article: <c>og:type</c> <c>article</c>, or a schema.org article type
    /// (<c>Article</c>, <c>NewsArticle</c>, <c>BlogPosting</c>, ...) in its JSON-LD.</summary>
    public static bool DeclaresArticle(DocumentScan scan)
    {
        if (string.Equals(MetaContent(scan, "og:type")?.Trim(), "article", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string jsonLd in scan.JsonLdTexts)
        {
            if (ArticleJsonLdType().IsMatch(jsonLd))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the page declares itself a product page: <c>og:type</c> <c>product</c> (or <c>product.item</c>), or a
    /// schema.org <c>Product</c> in its JSON-LD or microdata.</summary>
    public static bool DeclaresProduct(DocumentScan scan) =>
        MetaContent(scan, "og:type")?.Trim().StartsWith("product", StringComparison.OrdinalIgnoreCase) == true
        || DeclaresType(scan, ProductItemType(), ProductJsonLdType());

    /// <summary>Whether a microdata <c>itemtype</c> or a JSON-LD script of the page names a schema.org type.</summary>
    private static bool DeclaresType(DocumentScan scan, Regex itemType, Regex jsonLdType)
    {
        foreach (string type in scan.ItemTypes)
        {
            if (itemType.IsMatch(type))
            {
                return true;
            }
        }

        foreach (string jsonLd in scan.JsonLdTexts)
        {
            if (jsonLdType.IsMatch(jsonLd))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The page's own URL as it declares it (<c>og:url</c>), for pages extracted without one.</summary>
    public static string? DeclaredUrl(DocumentScan scan) => MetaContent(scan, "og:url");

    public static string Title(IDocument document, DocumentScan scan)
    {
        string? title = MetaContent(scan, "og:title");
        if (string.IsNullOrWhiteSpace(title))
        {
            title = document.Title;
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            title = document.QuerySelector("h1")?.TextContent;
        }

        return TextMeasure.CollapseWhitespace(title ?? "");
    }

    public static string? Language(IDocument document, DocumentScan scan)
    {
        string? declared = document.DocumentElement?.GetAttribute("lang");
        if (Normalize(declared) is { } fromHtml)
        {
            return fromHtml;
        }

        foreach (IElement meta in scan.Metas)
        {
            if (string.Equals(meta.GetAttribute("http-equiv"), "content-language", StringComparison.OrdinalIgnoreCase)
                && Normalize(meta.GetAttribute("content")) is { } fromHeader)
            {
                return fromHeader;
            }
        }

        return Normalize(MetaContent(scan, "og:locale"));
    }

    /// <summary>Lower-cases, maps <c>_</c> to <c>-</c>, keeps the first of a comma list; <c>null</c> when it does not look like a language tag.</summary>
    internal static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        ReadOnlySpan<char> span = value.AsSpan().Trim();
        int comma = span.IndexOfAny(',', ';');
        if (comma >= 0)
        {
            span = span[..comma];
        }

        string tag = span.ToString().Replace('_', '-').ToLowerInvariant();
        return BoilerplatePatterns.LanguageTag().IsMatch(tag) ? tag : null;
    }

    /// <summary>A JSON-LD <c>"@type"</c> (or the first of a type array) naming a schema.org article type.</summary>
    [GeneratedRegex(@"""@type""\s*:\s*\[?\s*""(Article|NewsArticle|BlogPosting|ReportageNewsArticle|TechArticle|ScholarlyArticle|AnalysisNewsArticle|OpinionNewsArticle)""", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleJsonLdType();

    [GeneratedRegex(@"""@type""\s*:\s*\[?\s*""DiscussionForumPosting""", RegexOptions.CultureInvariant)]
    private static partial Regex DiscussionJsonLdType();

    [GeneratedRegex(@"^\s*https?://schema\.org/DiscussionForumPosting\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiscussionItemType();

    [GeneratedRegex(@"""@type""\s*:\s*\[?\s*""(Product|ProductGroup)""", RegexOptions.CultureInvariant)]
    private static partial Regex ProductJsonLdType();

    [GeneratedRegex(@"^\s*https?://schema\.org/(Product|ProductGroup)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProductItemType();

    private static string? MetaContent(DocumentScan scan, string property)
    {
        foreach (IElement meta in scan.Metas)
        {
            if (string.Equals(meta.GetAttribute("property"), property, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("name"), property, StringComparison.OrdinalIgnoreCase))
            {
                return meta.GetAttribute("content");
            }
        }

        return null;
    }
}
