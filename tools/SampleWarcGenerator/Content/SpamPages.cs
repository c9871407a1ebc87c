using System.Text;
using SampleWarcGenerator.Http;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Content;

/// <summary>Spam: keyword stuffing, lorem ipsum filler, casino and pharmacy spam, repeated lines, hidden text.</summary>
internal static class SpamPages
{
    private const string Lorem =
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. " +
        "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. " +
        "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. ";

    public static IEnumerable<Capture> Create(Random rng)
    {
        string[][] stuffing =
        [
            ["cheap flights", "cheap flights online", "best cheap flights", "cheap flight deals", "flights cheap today"],
            ["best vpn", "free vpn", "vpn download", "fast vpn 2026", "best free vpn"],
            ["lose weight fast", "weight loss pills", "fast weight loss", "diet pills", "lose weight now"],
        ];
        for (int i = 0; i < stuffing.Length; i++)
        {
            var text = new StringBuilder();
            for (int k = 0; k < 120; k++)
            {
                text.Append(stuffing[i][rng.Next(stuffing[i].Length)]).Append(k % 9 == 8 ? ". " : " ");
            }

            string keywords = string.Join(",", stuffing[i]);
            yield return Spam($"http://{ArticleFactory.Slugify(stuffing[i][0])}-{i}.spam.example/", stuffing[i][0].ToUpperInvariant() + " " + stuffing[i][1],
                $"<meta name=\"keywords\" content=\"{keywords},{keywords}\">",
                $"<h1>{E(stuffing[i][0])} {E(stuffing[i][2])}</h1>\n<p>{text}</p>\n<p><a href=\"/go\">{E(stuffing[i][1])}</a> <a href=\"/go\">{E(stuffing[i][3])}</a></p>");
        }

        yield return Spam("https://placeholder-site.example/about-us/", "About Us", "",
            $"<h1>About Us</h1>\n<p>{Lorem}</p>\n<p>{Lorem}{Lorem}</p>\n<h2>Our Services</h2>\n<p>{Lorem}</p>");
        yield return Spam("https://template-demo.example/blog/sample-post", "Sample Post Title", "",
            $"<h1>Sample Post Title</h1>\n<p>{Lorem[..200]}</p>\n<ul><li>Lorem ipsum dolor</li><li>Sit amet consectetur</li><li>Adipiscing elit sed</li></ul>\n<p>{Lorem}</p>");

        string[] casinoLines =
        [
            "WIN BIG at Lucky Spin Casino!!! 500% WELCOME BONUS + 200 FREE SPINS",
            "Best online casino no deposit bonus codes 2026 - claim now",
        ];
        for (int i = 0; i < casinoLines.Length; i++)
        {
            var text = new StringBuilder();
            for (int k = 0; k < 25; k++)
            {
                text.Append($"<p>{E(casinoLines[i])} <a href=\"http://go.casino-bonus.example/?ref={rng.Next(1000, 9999)}\">PLAY NOW</a> jackpot slots roulette poker blackjack bonus</p>\n");
            }

            yield return Spam($"http://casino-bonus-{i + 1}.example/free-spins", casinoLines[i], "", $"<h1>{E(casinoLines[i])}</h1>\n{text}");
        }

        string[] pharma =
        [
            "Buy cheap meds online without prescription - discount pills - fast worldwide shipping - 100% anonymous",
            "Generic pills at lowest prices. No prescription needed. Order today, 90% off, bonus pills with every order",
        ];
        for (int i = 0; i < pharma.Length; i++)
        {
            var text = new StringBuilder();
            for (int k = 0; k < 30; k++)
            {
                text.Append(E(pharma[i])).Append(k % 3 == 2 ? "<br>\n" : " *** ");
            }

            yield return Spam($"http://rx-discount-{i + 1}.example/order.html", "Cheap pills online", "", $"<h1>ONLINE PHARMACY</h1>\n<p>{text}</p>");
        }

        string[] repeated = ["Click here to claim your prize.", "This domain may be for sale. Contact the owner."];
        for (int i = 0; i < repeated.Length; i++)
        {
            var text = new StringBuilder();
            for (int k = 0; k < 60; k++)
            {
                text.Append("<p>").Append(E(repeated[i])).Append("</p>\n");
            }

            yield return Spam($"http://repeat-{i + 1}.spam.example/index.html", repeated[i], "", text.ToString());
        }

        var hidden = new StringBuilder();
        for (int k = 0; k < 50; k++)
        {
            hidden.Append("replica watches cheap designer bags outlet sale ");
        }

        yield return Spam("http://doorway.spam.example/watches/", "Welcome",
            "<style>.seo{color:#fff;font-size:1px}</style>",
            $"<h1>Welcome to our shop</h1>\n<p>Redirecting...</p>\n<script>location.href='http://outlet.spam.example/';</script>\n<div class=\"seo\">{hidden}</div>");
    }

    private static Capture Spam(string uri, string title, string headExtra, string body) => new()
    {
        Uri = uri,
        Category = Categories.Spam,
        Charset = "utf-8 (http header only)",
        Response = new HttpResponse
        {
            ContentType = "text/html; charset=utf-8",
            Server = "Apache",
            Body = Encoding.UTF8.GetBytes(PageShell.Render("en", E(title), headExtra, body)),
        },
    };
}
