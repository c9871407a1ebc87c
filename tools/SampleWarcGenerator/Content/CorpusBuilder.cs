using System.Text;
using SampleWarcGenerator.Http;
using SampleWarcGenerator.Sites;

namespace SampleWarcGenerator.Content;

/// <summary>Builds every capture of the sample from one seeded <see cref="Random"/>.</summary>
internal static class CorpusBuilder
{
    public const int ArticleCount = 100;
    public const int NearDuplicateCount = 16;
    public const int ExactDuplicateCount = 16;

    /// <summary>Article index → HTTP quirk; the quirky articles are never used as duplicate sources.</summary>
    private static readonly Dictionary<int, HttpQuirks> s_quirks = new()
    {
        [3] = HttpQuirks.Chunked,
        [10] = HttpQuirks.Chunked,
        [17] = HttpQuirks.Chunked,
        [5] = HttpQuirks.Gzip,
        [12] = HttpQuirks.Gzip,
        [19] = HttpQuirks.Gzip | HttpQuirks.Chunked,
        [8] = HttpQuirks.FalseGzip,
        [14] = HttpQuirks.LowercaseNames,
    };

    private const int FirstPlainArticle = 20;

    public static Corpus Build(Random rng)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        var articles = new List<KeyValuePair<string, Article>>(ArticleCount);
        var articleCaptures = new List<Capture>(ArticleCount);
        var adVariants = new List<int>(ArticleCount);
        for (int i = 0; i < ArticleCount; i++)
        {
            SiteTemplate site = SiteTemplate.All[i % SiteTemplate.All.Count];
            Article article = ArticleFactory.Create(site.Bank, rng);
            string url = site.ArticleUrl(article);
            for (int n = 2; !urls.Add(url); n++)
            {
                article = article with { Slug = ArticleFactory.Slugify(article.Title) + "-" + n };
                url = site.ArticleUrl(article);
            }

            int adVariant = rng.Next(4);
            articles.Add(new(url, article));
            adVariants.Add(adVariant);
            articleCaptures.Add(ArticleCapture(site, url, site.Render(article, adVariant), Categories.Article, s_quirks.GetValueOrDefault(i)));
        }

        int[] sources = [.. Enumerable.Range(FirstPlainArticle, ArticleCount - FirstPlainArticle)];
        rng.Shuffle(sources);
        var duplicates = new List<Capture>(NearDuplicateCount + ExactDuplicateCount);
        for (int d = 0; d < NearDuplicateCount; d++)
        {
            int i = sources[d];
            SiteTemplate site = SiteTemplate.All[i % SiteTemplate.All.Count];
            Article revised = ArticleFactory.Revise(articles[i].Value, site.Bank, rng);

            // Half are the same URL recaptured after an update; half are a print view of the updated story.
            string url = d % 2 == 0 ? articles[i].Key : articles[i].Key + (articles[i].Key.Contains('?') ? "&" : "?") + "print=1";
            duplicates.Add(ArticleCapture(site, url, site.Render(revised, adVariants[i] + 1), Categories.NearDuplicate, HttpQuirks.None)
                with { DuplicateOf = articleCaptures[i] });
        }

        for (int d = 0; d < ExactDuplicateCount - 2; d++)
        {
            Capture original = articleCaptures[sources[NearDuplicateCount + d]];
            string separator = original.Uri.Contains('?') ? "&" : "?";
            string url = (d % 4) switch
            {
                0 => original.Uri + separator + "utm_source=newsletter&utm_medium=email",
                1 => original.Uri + separator + "ref=homepage",
                2 => original.Uri, // same URL, captured again later
                _ => original.Uri.Replace("https://", "http://", StringComparison.Ordinal),
            };
            duplicates.Add(original with { Uri = url, Category = Categories.ExactDuplicate, DuplicateOf = original });
        }

        List<Capture> foreign = [.. ForeignPages.Create()];
        foreach (string lang in (string[])["zh", "de"])
        {
            Capture original = foreign.First(c => c.Uri.Contains($"/{lang}/", StringComparison.Ordinal) && !c.Charset.StartsWith("utf-8", StringComparison.Ordinal));
            duplicates.Add(original with { Uri = original.Uri.Replace(".html", "-mirror.html", StringComparison.Ordinal), Category = Categories.ExactDuplicate, DuplicateOf = original });
        }

        List<Capture> primary =
        [
            .. articleCaptures,
            .. ThinPages.Create(rng),
            .. SpamPages.Create(rng),
            .. CodePages.Create(),
            .. MathPages.Create(),
            .. foreign,
            .. ResourcePages.NonHtml(),
            .. ResourcePages.Non2xx(),
        ];
        Capture[] revisited = [articleCaptures[sources[^1]], primary.First(c => c.Response.ContentType == "image/png")];
        return new Corpus(primary, duplicates, revisited, articles);
    }

    private static Capture ArticleCapture(SiteTemplate site, string url, string html, string category, HttpQuirks quirks) => new()
    {
        Uri = url,
        Category = category,
        Charset = site.CharsetNote,
        Response = new HttpResponse
        {
            ContentType = "text/html; charset=utf-8",
            Server = site.Server,
            Body = Encoding.UTF8.GetBytes(html),
            Quirks = quirks,
        },
    };
}
