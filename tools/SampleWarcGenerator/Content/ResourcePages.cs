using System.Globalization;
using System.Text;
using SampleWarcGenerator.Http;

namespace SampleWarcGenerator.Content;

/// <summary>Non-HTML responses (PNG, PDF, CSS, JSON, JavaScript, robots.txt) and non-2xx responses (redirects, errors).</summary>
internal static class ResourcePages
{
    public static IEnumerable<Capture> NonHtml()
    {
        yield return Resource("https://example-news.test/static/pixel.png", "image/png", TinyPng.Encode(1, 1, (_, _) => 0xCC2200));
        yield return Resource("https://circuit-notes.example/wp-content/uploads/icon.png", "image/png",
            TinyPng.Encode(4, 4, (x, y) => (x * 60) << 16 | (y * 60) << 8 | 0x80));
        yield return Resource("https://pantry-and-pan.example/img/favicon.png", "image/png",
            TinyPng.Encode(8, 8, (x, y) => ((x + y) & 1) == 0 ? 0xF4E1C1 : 0x7A3E12));
        yield return Resource("https://fieldnotes-science.test/papers/survey-protocol.pdf", "application/pdf",
            TinyPdf.Create("Field survey protocol, version 3 (sample document)"));
        yield return Resource("https://example-news.test/static/ledger.css", "text/css",
            Encoding.UTF8.GetBytes("""
                body{margin:0;font:16px/1.5 Georgia,serif;color:#222}
                .site-header{display:flex;gap:1rem;align-items:center;border-bottom:2px solid #111}
                article h1{font-size:2.2rem;line-height:1.2}
                .sidebar{float:right;width:30%}
                .cookie-banner button{margin-right:.5em}

                """));
        yield return Resource("https://circuit-notes.example/wp-content/themes/circuit/style.css?ver=6.4", "text/css; charset=utf-8",
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $".col-md-{i % 12 + 1}.offset-{i}{{margin-left:{i * 2.5:0.0}%}}\n")))),
            HttpQuirks.Gzip);
        yield return Resource("https://market-brief.test/api/quotes.json", "application/json",
            Encoding.UTF8.GetBytes("""{"asOf":"2026-03-14T07:30:00Z","quotes":[{"symbol":"IDX","last":4812.3,"change":0.4},{"symbol":"MID","last":2104.8,"change":-0.2},{"symbol":"SML","last":988.1,"change":0.1}]}"""));
        yield return Resource("https://touchline-daily.example/api/live-scores?league=1", "application/json; charset=utf-8",
            Encoding.UTF8.GetBytes("""{"matches":[{"home":"Harbour Town","away":"Northbury","score":[1,1],"minute":67},{"home":"Kingsbridge United","away":"the Mariners","score":[0,2],"status":"FT"}]}"""),
            HttpQuirks.Chunked);
        yield return Resource("https://circuit-notes.example/wp-includes/js/app.js?ver=2.1", "application/javascript",
            Encoding.UTF8.GetBytes("""
                (function () {
                  'use strict';
                  var menu = document.querySelector('.top-bar');
                  document.addEventListener('scroll', function () {
                    menu.classList.toggle('stuck', window.scrollY > 80);
                  });
                })();

                """));
        yield return Resource("https://ads.example/tag.js", "text/javascript",
            Encoding.UTF8.GetBytes("window.__ads=window.__ads||[];__ads.push({slot:'in-article',size:[300,250]});\n"));
        yield return Resource("https://example-news.test/robots.txt", "text/plain",
            Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /search\nDisallow: /login\nSitemap: https://example-news.test/sitemap.xml\n"));
    }

    public static IEnumerable<Capture> Non2xx()
    {
        yield return Redirect(301, "http://example-news.test/local/", "https://example-news.test/local/");
        yield return Redirect(302, "https://market-brief.test/markets/premium-report", "https://market-brief.test/login?next=%2Fmarkets%2Fpremium-report");
        yield return Redirect(301, "https://pantry-and-pan.example/recipes/old-lentil-stew", "https://www.pantry-and-pan.example/recipes/lentil-stew/");
        yield return Error(404, "https://circuit-notes.example/2019/removed-post/", "Not Found", "The requested URL was not found on this server.", []);
        yield return Error(500, "https://touchline-daily.example/live/match/991", "Internal Server Error",
            "Something went wrong on our side. Please refresh the page in a minute.", []);
        yield return Error(503, "https://wandering-compass.example/trips/show.php?id=1", "Service Unavailable",
            "The site is down for maintenance. Please come back later.", [new("Retry-After", "3600")]);
    }

    private static Capture Resource(string uri, string contentType, byte[] body, HttpQuirks quirks = HttpQuirks.None) => new()
    {
        Uri = uri,
        Category = Categories.NonHtml,
        Charset = contentType.Contains("charset", StringComparison.Ordinal) ? "utf-8 (http header only)" : "-",
        Response = new HttpResponse { ContentType = contentType, Body = body, Quirks = quirks, Server = "nginx" },
    };

    private static Capture Redirect(int status, string uri, string location) => new()
    {
        Uri = uri,
        Category = Categories.Status,
        Charset = "-",
        Response = new HttpResponse
        {
            Status = status,
            ContentType = "text/html",
            ExtraHeaders = [new("Location", location), new("Cache-Control", "max-age=3600")],
            Body = Encoding.ASCII.GetBytes($"<html><head><title>Moved</title></head><body><a href=\"{location}\">Moved here</a></body></html>\n"),
        },
    };

    private static Capture Error(int status, string uri, string title, string message, KeyValuePair<string, string>[] extraHeaders) => new()
    {
        Uri = uri,
        Category = Categories.Status,
        Charset = "-",
        Response = new HttpResponse
        {
            Status = status,
            ContentType = "text/html; charset=utf-8",
            ExtraHeaders = extraHeaders,
            Body = Encoding.UTF8.GetBytes(PageShell.Render("en", $"{status} {title}", "", $"<h1>{title}</h1>\n<p>{message}</p>\n<hr><address>nginx</address>")),
        },
    };
}
