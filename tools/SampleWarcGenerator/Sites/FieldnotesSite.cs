using System.Text;
using SampleWarcGenerator.Content;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Sites;

/// <summary>A magazine layout: related-research aside before the article, figure with caption, references list.</summary>
internal sealed class FieldnotesSite : SiteTemplate
{
    public override string Host => "fieldnotes-science.test";

    public override string Name => "Fieldnotes Science";

    public override TopicBank Bank => EnglishBanks.Science;

    public override string CharsetNote => "utf-8 (http header + meta http-equiv)";

    public override string Render(Article article, int adVariant)
    {
        string url = ArticleUrl(article);
        var html = new StringBuilder(8192);
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
            <title>{{E(article.Title)}} - {{Name}}</title>
            <meta name="citation_title" content="{{E(article.Title)}}">
            <meta name="citation_author" content="{{E(article.Author)}}">
            <link rel="alternate" type="application/rss+xml" href="/rss.xml">
            </head>
            <body>
            <div class="masthead"><a href="/"><img src="/img/fieldnotes-logo.png" alt="{{Name}}"></a>
            <nav><a href="/ecology">Ecology</a> <a href="/climate">Climate</a> <a href="/space">Space</a> <a href="/health">Health</a> <a href="/archive">Archive</a> <a href="/donate" class="button">Donate</a></nav></div>
            <div class="layout">
            <aside class="related">
            <h2>Related research</h2>

            """);
        LinkList(html, "/ecology/", ["Counting insects from the air", "The long memory of peat", "What river otters eat in winter", "Citizen science, ten years on"], "");
        html.Append($$"""
            <div class="promo">{{Ad(adVariant)}}</div>
            </aside>
            <main id="content">
            <article class="story" itemscope itemtype="https://schema.org/NewsArticle">
            <p class="kicker">{{article.Section}}</p>
            <h1 itemprop="headline">{{E(article.Title)}}</h1>
            <p class="standfirst">{{E(article.Lede)}}</p>
            <p class="meta"><span itemprop="author">{{E(article.Author)}}</span>, <span itemprop="datePublished">{{article.Published:d MMMM yyyy}}</span></p>
            <figure><img src="/img/{{article.Slug}}.jpg" alt="Field site photograph" width="800" height="450"><figcaption>A survey site photographed during the study. Photo: {{Name}}</figcaption></figure>

            """);
        Sections(html, article, "h2", "");
        html.Append($$"""
            <h2>References</h2>
            <ol class="references"><li>Field survey protocol, version 3. Internal report.</li><li>Open data archive, dataset {{article.Slug.Length}}.</li></ol>
            {{ShareButtons(url)}}
            </article>
            <section id="discussion">

            """);
        Comments(html, article, "");
        html.Append($$"""
            </section>
            </main>
            </div>
            <footer><p>{{Name}} is an independent, reader-funded publication.</p><p><a href="/about">About</a> | <a href="/ethics">Editorial standards</a> | <a href="/privacy">Privacy</a> | <a href="/cookies">Cookies</a></p></footer>
            <div id="consent" class="consent-overlay"><h2>Your privacy</h2><p>{{CookieText(adVariant + 2)}}</p><button id="accept">Accept</button><button id="reject">Reject non-essential</button></div>
            </body>
            </html>

            """);
        return html.ToString();
    }
}
