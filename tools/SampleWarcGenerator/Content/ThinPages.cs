using System.Text;
using SampleWarcGenerator.Http;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Content;

/// <summary>Boilerplate-heavy pages with little or no main text: tag indexes, logins, link farms, soft 404s.</summary>
internal static class ThinPages
{
    private const string Nav = """<header><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About</a> <a href="/contact/">Contact</a></header>""";
    private const string Footer = """<footer><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · &copy; 2026</footer>""";

    public static IEnumerable<Capture> Create(Random rng)
    {
        string[] tagHosts = ["example-news.test", "circuit-notes.example", "pantry-and-pan.example", "touchline-daily.example"];
        string[] tags = ["council", "firmware", "baking", "transfers"];
        for (int i = 0; i < tagHosts.Length; i++)
        {
            var links = new StringBuilder();
            int count = rng.Next(12, 25);
            for (int k = 0; k < count; k++)
            {
                links.Append($"<li><a href=\"/{tags[i]}/{k + 1}/\">{E(tags[i])} story {k + 1}</a> <span class=\"date\">{k + 1} days ago</span></li>\n");
            }

            yield return Page($"https://{tagHosts[i]}/tag/{tags[i]}/", $"Tag: {tags[i]}",
                $"{Nav}\n<h1>Posts tagged “{tags[i]}”</h1>\n<ul class=\"tag-index\">\n{links}</ul>\n<div class=\"pagination\"><a href=\"?page=2\">Older posts</a></div>\n{Footer}");
        }

        string[] loginHosts = ["market-brief.test", "members.riverside-club.example", "portal.fieldnotes-science.test"];
        foreach (string host in loginHosts)
        {
            yield return Page($"https://{host}/login?next=%2Faccount", "Sign in",
                $"""
                {Nav}
                <main class="login"><h1>Sign in</h1>
                <form method="post" action="/login"><label>Email <input type="email" name="email"></label>
                <label>Password <input type="password" name="password"></label>
                <label><input type="checkbox" name="remember"> Remember me</label>
                <button type="submit">Sign in</button></form>
                <p><a href="/forgot">Forgot your password?</a> · <a href="/register">Create an account</a></p></main>
                {Footer}
                """);
        }

        string[] farmTopics = ["home insurance", "car loans", "garden supplies"];
        for (int i = 0; i < farmTopics.Length; i++)
        {
            var links = new StringBuilder();
            for (int k = 0; k < 40; k++)
            {
                links.Append($"<a href=\"http://site{rng.Next(100, 999)}.linkfarm.example/\">best {farmTopics[i]} {k + 1}</a> | ");
            }

            yield return Page($"http://directory-{i + 1}.linkfarm.example/{ArticleFactory.Slugify(farmTopics[i])}.html",
                $"Top {farmTopics[i]} links directory", $"<h1>Top {farmTopics[i]} sites</h1>\n<p>{links}</p>\n<p>Add your link for free!</p>");
        }

        string[] softHosts = ["example-news.test", "wandering-compass.example", "market-brief.test"];
        foreach (string host in softHosts)
        {
            yield return Page($"https://{host}/2019/old-story-{host.Length}", "Page not found",
                $"{Nav}\n<h1>404 - Page not found</h1>\n<p>Sorry, the page you were looking for does not exist or has been moved.</p>\n<p><a href=\"/\">Back to the homepage</a></p>\n{Footer}");
        }

        yield return Page("https://circuit-notes.example/?s=quantum+toaster", "Search results",
            $"{Nav}\n<h1>Search results for “quantum toaster”</h1>\n<p>Nothing matched your search terms. Please try again with different keywords.</p>\n<form action=\"/\"><input name=\"s\"><button>Search</button></form>\n{Footer}");
        yield return Page("https://new-venture.example/", "Coming soon",
            "<div class=\"splash\"><h1>Coming soon</h1><p>Something new is on the way.</p><form><input type=\"email\" placeholder=\"Notify me\"><button>Notify me</button></form></div>");
        yield return Page("https://news.consent-wall.example/article/8812", "Before you continue",
            "<div class=\"consent-wall\"><h1>Before you continue</h1><p>We and our 312 partners store and access information on your device. Choose Accept to continue to the article.</p><button>Accept all</button> <button>Reject all</button> <a href=\"/privacy\">Manage options</a></div>");
    }

    private static Capture Page(string uri, string title, string body) => new()
    {
        Uri = uri,
        Category = Categories.Boilerplate,
        Charset = "utf-8 (http header + meta charset)",
        Response = new HttpResponse
        {
            ContentType = "text/html; charset=utf-8",
            Body = Encoding.UTF8.GetBytes(PageShell.Render("en", E(title), "<meta charset=\"utf-8\">", body)),
        },
    };
}
