using SampleWarcGenerator.Content;

namespace SampleWarcGenerator.Sites;

/// <summary>One fictional site: its host, subject bank and page layout.</summary>
internal abstract class SiteTemplate
{
    public abstract string Host { get; }

    public abstract string Name { get; }

    public abstract TopicBank Bank { get; }

    public virtual string Server => "nginx";

    /// <summary>Where the page declares UTF-8 besides the HTTP header (for the README charset table).</summary>
    public virtual string CharsetNote => "utf-8 (http header + meta charset)";

    /// <summary>The canonical URL of an article on this site.</summary>
    public virtual string ArticleUrl(Article article) =>
        $"https://{Host}/{article.Section.ToLowerInvariant()}/{article.Published:yyyy'/'MM'/'dd}/{article.Slug}";

    /// <summary>Renders the full HTML page (UTF-8 text) for an article with the given ad/cookie banner variant.</summary>
    public abstract string Render(Article article, int adVariant);

    /// <summary>All seven layouts used for English articles.</summary>
    public static IReadOnlyList<SiteTemplate> All { get; } =
    [
        new HarborLedgerSite(), new CircuitNotesSite(), new FieldnotesSite(), new PantryAndPanSite(),
        new WanderingCompassSite(), new MarketBriefSite(), new TouchlineSite(),
    ];
}
