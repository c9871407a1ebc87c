using System.Text;
using SampleWarcGenerator.Content;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Sites;

/// <summary>A recipe blog: jump-to-recipe button, ad slots between sections, a recipe card with its own print button.</summary>
internal sealed class PantryAndPanSite : SiteTemplate
{
    public override string Host => "pantry-and-pan.example";

    public override string Name => "Pantry & Pan";

    public override TopicBank Bank => EnglishBanks.Food;

    public override string Server => "cloudflare";

    public override string ArticleUrl(Article article) => $"https://www.{Host}/recipes/{article.Slug}/";

    public override string Render(Article article, int adVariant)
    {
        string url = ArticleUrl(article);
        var html = new StringBuilder(8192);
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en-US">
            <head>
            <meta charset="utf-8">
            <title>{{E(article.Title)}} - Pantry &amp; Pan</title>
            <link rel="preload" href="/fonts/serif.woff2" as="font" crossorigin>
            <script async src="https://ads.example/tag.js"></script>
            </head>
            <body class="recipe">
            <div class="cookie-bar">{{CookieText(adVariant)}} <a href="/cookies">Learn more</a> <button>Got it</button></div>
            <header><h2 class="site-title"><a href="/">Pantry &amp; Pan</a></h2>
            <ul class="menu"><li><a href="/recipes/">Recipes</a></li><li><a href="/baking/">Baking</a></li><li><a href="/vegetarian/">Vegetarian</a></li><li><a href="/quick/">Quick meals</a></li><li><a href="/shop/">Shop</a></li></ul></header>
            <main>
            <article class="post">
            <h1>{{E(article.Title)}}</h1>
            <div class="post-meta">{{article.Published:MMM d, yyyy}} · {{E(article.Author)}} · <a href="#comments">{{article.Comments.Count}} comments</a></div>
            <a class="jump-to-recipe" href="#recipe-card">Jump to Recipe</a> <a class="print" href="?print=1">Print Recipe</a>
            <p>{{E(article.Lede)}}</p>

            """);
        for (int s = 0; s < article.Sections.Count; s++)
        {
            Section(html, article.Sections[s], "h2", "");
            if (s == 0)
            {
                html.Append("<div class=\"ad-inline\">").Append(Ad(adVariant + 3)).Append("</div>\n");
            }
        }

        html.Append($$"""
            <div id="recipe-card" class="recipe-card"><h2>{{E(article.Title)}}</h2><p>Prep 15 min · Cook 30 min · Serves 4</p><button onclick="window.print()">Print</button><div class="rating">&#9733;&#9733;&#9733;&#9733;&#9734; (128 ratings)</div></div>
            {{ShareButtons(url)}}
            </article>
            <div id="comments">

            """);
        Comments(html, article, "");
        html.Append("""
            </div>
            </main>
            <aside><h3>You might also like</h3>

            """);
        LinkList(html, "/recipes/", ["Brown butter cookies", "Green shakshuka", "Overnight oats five ways", "Simple tomato soup"], "");
        html.Append("""
            <h3>Hi, I'm the cook behind this blog</h3><p>I write about everyday food for busy people. <a href="/about/">Read more</a></p>
            </aside>
            <footer><p>As an affiliate, we may earn from qualifying purchases.</p><p>&copy; 2026 Pantry &amp; Pan · <a href="/privacy/">Privacy</a> · <a href="/accessibility/">Accessibility</a></p></footer>
            </body>
            </html>

            """);
        return html.ToString();
    }
}
