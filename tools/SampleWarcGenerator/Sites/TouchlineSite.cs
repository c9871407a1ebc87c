using System.Text;
using SampleWarcGenerator.Content;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Sites;

/// <summary>A sports layout: live-score widget, section blocks, a long fan comment thread and a sticky ad footer.</summary>
internal sealed class TouchlineSite : SiteTemplate
{
    public override string Host => "touchline-daily.example";

    public override string Name => "Touchline Daily";

    public override TopicBank Bank => EnglishBanks.Sports;

    public override string ArticleUrl(Article article) => $"https://m.{Host}/news/{article.Slug}-{article.Published:yyyyMMdd}";

    public override string Render(Article article, int adVariant)
    {
        string url = ArticleUrl(article);
        var html = new StringBuilder(8192);
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en-AU">
            <head>
            <meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>{{E(article.Title)}} | Touchline Daily</title>
            <style>body{font-family:sans-serif}.live{background:#0a0;color:#fff}.sticky-ad{position:fixed;bottom:0}</style>
            </head>
            <body>
            <div class="live"><strong>LIVE</strong> Harbour Town 1 - 1 Northbury (67') · Kingsbridge United 0 - 2 the Mariners (FT) · <a href="/live">All scores</a></div>
            <header><a href="/" class="logo">Touchline<span>Daily</span></a>
            <nav><a href="/football">Football</a> <a href="/cricket">Cricket</a> <a href="/rugby">Rugby</a> <a href="/tennis">Tennis</a> <a href="/results">Results</a> <a href="/fantasy">Fantasy</a></nav></header>
            <section class="hero"><h1>{{E(article.Title)}}</h1><p class="meta">{{E(article.Author)}} · {{article.Published:ddd d MMM yyyy}}</p></section>
            <article>
            <section class="intro"><p><b>{{E(article.Lede)}}</b></p></section>

            """);
        foreach (ArticleSection section in article.Sections)
        {
            html.Append("<section class=\"block\">\n");
            Section(html, section, "h2", "");
            html.Append("</section>\n");
        }

        html.Append($$"""
            {{ShareButtons(url)}}
            </article>
            <section class="more"><h3>More from Touchline</h3>

            """);
        LinkList(html, "/news/", ["Transfer window: every confirmed deal", "Player ratings from the weekend", "Cup draw in full", "Podcast: the title race"], "");
        html.Append("""
            </section>
            <section class="fan-zone"><h3>Fan zone</h3>

            """);
        Comments(html, article, "");
        html.Append($$"""
            </section>
            <footer><a href="/about">About</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy</a> | <a href="/gambling-help">Gamble responsibly</a> | 18+ only</footer>
            <div class="sticky-ad">{{Ad(adVariant + 1)}}</div>
            <div class="cmp"><p>{{CookieText(adVariant + 1)}}</p><button>Agree</button><button>Options</button></div>
            </body>
            </html>

            """);
        return html.ToString();
    }
}
