using System.Text;
using SampleWarcGenerator.Content;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Sites;

/// <summary>A classic semantic news layout: header, nav, main/article, aside, comments, footer, cookie banner last.</summary>
internal sealed class HarborLedgerSite : SiteTemplate
{
    public override string Host => "example-news.test";

    public override string Name => "The Harbor Ledger";

    public override TopicBank Bank => EnglishBanks.Civic;

    public override string Render(Article article, int adVariant)
    {
        string url = ArticleUrl(article);
        var html = new StringBuilder(8192);
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{E(article.Title)}} | {{Name}}</title>
              <link rel="canonical" href="{{url}}">
              <link rel="stylesheet" href="/static/ledger.css">
              <style>.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:1em}</style>
              <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
            </head>
            <body class="article-page">
              <header class="site-header">
                <a class="logo" href="/">{{Name}}</a>
                <nav class="main-nav" aria-label="Sections">
                  <ul><li><a href="/local/">Local</a></li><li><a href="/politics/">Politics</a></li><li><a href="/business/">Business</a></li><li><a href="/sport/">Sport</a></li><li><a href="/opinion/">Opinion</a></li><li><a href="/weather/">Weather</a></li><li><a href="/subscribe">Subscribe</a></li></ul>
                </nav>
                <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
              </header>
              <div class="breaking">Breaking: Ferry timetable changes from Monday. <a href="/local/ferry">Details</a></div>
              <main>
                <article>
                  <h1>{{E(article.Title)}}</h1>
                  <p class="byline">By <a href="/staff/{{ArticleFactory.Slugify(article.Author)}}">{{E(article.Author)}}</a> · <time datetime="{{article.Published:yyyy-MM-dd}}">{{article.Published:MMMM d, yyyy}}</time></p>
                  {{ShareButtons(url)}}
                  <p class="lede"><strong>{{E(article.Lede)}}</strong></p>

            """);
        Sections(html, article, "h2", "      ");
        html.Append($$"""
                  <div class="ad-slot" data-slot="in-article">{{Ad(adVariant)}}</div>
                  <p class="tags">Tags: {{string.Join(", ", article.Tags.Select(t => $"<a href=\"/tag/{ArticleFactory.Slugify(t)}\">{E(t)}</a>"))}}</p>
                </article>
                <section class="comments" id="comments">

            """);
        Comments(html, article, "      ");
        html.Append("""
                </section>
              </main>
              <aside class="sidebar">
                <h3>Most read</h3>

            """);
        LinkList(html, "/local/", ["Ferry timetable changes from Monday", "Harbour Street reopens after repairs", "Letters: the parking debate", "Obituaries this week", "Photo gallery: winter market"], "    ");
        html.Append($$"""
                <h3>Newsletter</h3>
                <p>Get the morning briefing in your inbox.</p>
                <form action="/newsletter"><input type="email" name="email"><button>Sign up</button></form>
              </aside>
              <footer class="site-footer">
                <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/advertise">Advertise</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/corrections">Corrections</a></li></ul>
                <p>&copy; 2026 {{Name}}. All rights reserved.</p>
              </footer>
              <div class="cookie-banner" role="dialog"><p>{{CookieText(adVariant)}}</p><button>Accept all</button> <button>Manage settings</button></div>
            </body>
            </html>

            """);
        return html.ToString();
    }
}
