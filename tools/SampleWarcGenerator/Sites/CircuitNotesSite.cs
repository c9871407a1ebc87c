using System.Text;
using SampleWarcGenerator.Content;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Sites;

/// <summary>A div-heavy blog theme: cookie banner first, JSON-LD, sidebar before the post, newsletter pop-up markup.</summary>
internal sealed class CircuitNotesSite : SiteTemplate
{
    public override string Host => "circuit-notes.example";

    public override string Name => "Circuit Notes";

    public override TopicBank Bank => EnglishBanks.Tech;

    public override string Server => "Apache/2.4.62 (Debian)";

    public override string ArticleUrl(Article article) => $"https://{Host}/{article.Published:yyyy}/{article.Slug}/";

    public override string Render(Article article, int adVariant)
    {
        string url = ArticleUrl(article);
        var html = new StringBuilder(8192);
        html.Append($$"""
            <!doctype html>
            <html lang="en" class="no-js">
            <head>
            <meta charset="UTF-8">
            <title>{{E(article.Title)}} &#8211; {{Name}}</title>
            <meta name="description" content="{{E(article.Lede)}}">
            <meta property="og:title" content="{{E(article.Title)}}">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"{{E(article.Title)}}","datePublished":"{{article.Published:yyyy-MM-dd}}","author":{"@type":"Person","name":"{{E(article.Author)}}" } }</script>
            <link rel='stylesheet' id='theme-css' href='/wp-content/themes/circuit/style.css?ver=6.4' media='all'>
            </head>
            <body class="post-template-default single single-post">
            <div id="cookie-notice" class="cn-bottom"><span>{{CookieText(adVariant)}}</span><a href="#" class="cn-accept">OK</a><a href="/privacy" class="cn-more">Privacy</a></div>
            <div id="page" class="site">
            <div class="top-bar"><div class="container"><a href="/">Home</a> | <a href="/reviews/">Reviews</a> | <a href="/guides/">Guides</a> | <a href="/deals/">Deals</a> | <a href="/about/">About</a></div></div>
            <div class="container"><div class="row">
            <div class="col-md-4 widget-area" id="secondary">
            <div class="widget"><h4 class="widget-title">Categories</h4>
            <ul><li><a href="/category/laptops/">Laptops</a> (42)</li><li><a href="/category/networking/">Networking</a> (17)</li><li><a href="/category/diy/">DIY</a> (23)</li><li><a href="/category/audio/">Audio</a> (11)</li></ul></div>
            <div class="widget"><h4 class="widget-title">Tag cloud</h4><div class="tagcloud"><a href="/tag/arm/">arm</a> <a href="/tag/linux/">linux</a> <a href="/tag/usb-c/">usb-c</a> <a href="/tag/wifi/">wifi</a> <a href="/tag/battery/">battery</a> <a href="/tag/firmware/">firmware</a></div></div>
            <div class="widget ad">{{Ad(adVariant + 1)}}</div>
            </div>
            <div class="col-md-8 content-area" id="primary">
            <article id="post-{{article.Slug.Length * 37}}" class="post type-post status-publish">
            <header class="entry-header"><h1 class="entry-title">{{E(article.Title)}}</h1>
            <div class="entry-meta">Posted on <time class="entry-date published">{{article.Published:yyyy-MM-dd}}</time> by <span class="author vcard">{{E(article.Author)}}</span></div></header>
            <div class="entry-content">
            <p><em>{{E(article.Lede)}}</em></p>

            """);
        Sections(html, article, "h3", "");
        html.Append($$"""
            </div>
            <footer class="entry-footer">{{ShareButtons(url)}}<span class="cat-links">Posted in <a href="/category/reviews/">Reviews</a></span></footer>
            </article>
            <nav class="post-navigation"><a href="/previous/" rel="prev">&laquo; Previous post</a> <a href="/next/" rel="next">Next post &raquo;</a></nav>
            <div id="comments" class="comments-area">

            """);
        Comments(html, article, "");
        html.Append($$"""
            </div>
            </div>
            </div></div>
            <div class="newsletter-modal" hidden><h2>Never miss a review</h2><p>Join 20,000 readers. No spam, unsubscribe any time.</p><input type="email"><button>Subscribe</button></div>
            <footer id="colophon"><div class="site-info">Proudly powered by coffee &middot; <a href="/imprint/">Imprint</a> &middot; <a href="/privacy/">Privacy</a> &middot; <a href="/feed/">RSS</a></div></footer>
            </div>
            <script src='/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
            <script>jQuery('.cn-accept').on('click',function(){document.cookie='cn=1;path=/';jQuery('#cookie-notice').hide();});</script>
            </body>
            </html>

            """);
        return html.ToString();
    }
}
