using System.Text;
using SampleWarcGenerator.Content;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Sites;

/// <summary>A finance layout: ticker strip, mega-menu, soft paywall overlay, market-data sidebar table.</summary>
internal sealed class MarketBriefSite : SiteTemplate
{
    public override string Host => "market-brief.test";

    public override string Name => "Market Brief";

    public override TopicBank Bank => EnglishBanks.Finance;

    public override string Server => "envoy";

    public override string Render(Article article, int adVariant)
    {
        string url = ArticleUrl(article);
        var html = new StringBuilder(8192);
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>{{E(article.Title)}} — {{Name}}</title>
              <meta name="robots" content="max-image-preview:large">
              <script>var __PAYWALL__={"metered":true,"free":3};</script>
            </head>
            <body>
              <div class="ticker" aria-hidden="true"><span>IDX 4,812.3 ▲0.4%</span> <span>EUR/USD 1.0842 ▼0.1%</span> <span>BRENT 78.10 ▲1.2%</span> <span>GOLD 2,311 ▲0.3%</span></div>
              <header>
                <a href="/" class="brand">{{Name}}</a>
                <nav class="mega-menu">
                  <div class="menu-col"><h4>Markets</h4><a href="/markets/equities">Equities</a> <a href="/markets/bonds">Bonds</a> <a href="/markets/currencies">Currencies</a> <a href="/markets/commodities">Commodities</a></div>
                  <div class="menu-col"><h4>Economy</h4><a href="/economy/inflation">Inflation</a> <a href="/economy/jobs">Jobs</a> <a href="/economy/trade">Trade</a></div>
                  <div class="menu-col"><h4>Tools</h4><a href="/tools/calculator">Calculators</a> <a href="/tools/watchlist">Watchlist</a> <a href="/podcast">Podcast</a></div>
                </nav>
                <a class="login" href="/login">Sign in</a> <a class="cta" href="/subscribe">Subscribe</a>
              </header>
              <main class="grid">
                <article class="story-body">
                  <nav class="breadcrumb"><a href="/">Home</a> › <a href="/markets">Markets</a> › <span>{{E(article.Tags[0])}}</span></nav>
                  <h1>{{E(article.Title)}}</h1>
                  <h2 class="dek">{{E(article.Lede)}}</h2>
                  <div class="byline">{{E(article.Author)}} | Published {{article.Published:yyyy-MM-dd}} 07:30 GMT | <a href="#">Listen to this article</a></div>

            """);
        Sections(html, article, "h3", "      ");
        html.Append($$"""
                  <p class="disclaimer">This article is for information only and is not investment advice.</p>
                  {{ShareButtons(url)}}
                </article>
                <aside class="rail">
                  <h3>Market data</h3>
                  <table class="quotes"><tr><th>Index</th><th>Last</th><th>Chg</th></tr><tr><td>IDX</td><td>4,812.3</td><td>+0.4%</td></tr><tr><td>MID</td><td>2,104.8</td><td>-0.2%</td></tr><tr><td>SML</td><td>988.1</td><td>+0.1%</td></tr></table>
                  <h3>Latest</h3>

            """);
        LinkList(html, "/markets/", ["Rates on hold as expected", "Copper stocks run low", "Shipping costs ease", "Retail sales surprise"], "      ");
        html.Append($$"""
                  <div class="ad">{{Ad(adVariant + 2)}}</div>
                </aside>
              </main>
              <section class="comments">

            """);
        Comments(html, article, "    ");
        html.Append($$"""
              </section>
              <div class="paywall-overlay"><h2>You have read 2 of 3 free articles this month</h2><p>Subscribe for unlimited access from 1 per week.</p><a href="/subscribe">See offers</a></div>
              <footer><p>Market data delayed by at least 15 minutes.</p><p><a href="/terms">Terms</a> · <a href="/privacy">Privacy</a> · <a href="/cookies">Cookie settings</a> · <a href="/careers">Careers</a></p><p class="cookie-note">{{CookieText(adVariant)}}</p></footer>
            </body>
            </html>

            """);
        return html.ToString();
    }
}
