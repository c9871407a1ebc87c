using System.Text;
using SampleWarcGenerator.Content;

namespace SampleWarcGenerator.Sites;

/// <summary>HTML fragments shared by the site templates (escaping, article body, comments, banners, ads).</summary>
internal static class Html
{
    private static readonly string[] s_ads =
    [
        "Sponsored: Switch your energy plan in five minutes and save up to 20 percent.",
        "Advertisement: Noise-free sleep. Try the Driftwell pillow free for 30 nights.",
        "Sponsored: Learn a language on your commute. First month free.",
        "Advertisement: Garden furniture clearance. Everything must go this weekend.",
    ];

    private static readonly string[] s_cookieTexts =
    [
        "We use cookies to improve your experience and to show you relevant advertising. By continuing you agree to our use of cookies.",
        "This site uses cookies for analytics and personalised content. You can change your preferences at any time.",
        "Cookies help us deliver our services. Some are essential, others help us understand how you use the site.",
    ];

    /// <summary>
    /// Escapes &amp;, &lt;, &gt; and the double quote only. (WebUtility.HtmlEncode would also turn U+00A0..U+00FF into
    /// numeric entities, which would hide the Latin-1 bytes the charset pages are meant to contain.)
    /// </summary>
    public static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (char ch in text)
        {
            _ = ch switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                _ => escaped.Append(ch),
            };
        }

        return escaped.ToString();
    }

    public static string Ad(int variant) => s_ads[variant % s_ads.Length];

    public static string CookieText(int variant) => s_cookieTexts[variant % s_cookieTexts.Length];

    /// <summary>Writes every section of the article.</summary>
    public static void Sections(StringBuilder html, Article article, string headingTag, string indent)
    {
        foreach (ArticleSection section in article.Sections)
        {
            Section(html, section, headingTag, indent);
        }
    }

    /// <summary>Writes one section: heading, paragraphs, then an optional list and table.</summary>
    public static void Section(StringBuilder html, ArticleSection section, string headingTag, string indent)
    {
        html.Append(indent).Append('<').Append(headingTag).Append('>').Append(E(section.Heading))
            .Append("</").Append(headingTag).Append(">\n");
        foreach (string paragraph in section.Paragraphs)
        {
            html.Append(indent).Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }

        if (section.Bullets.Count > 0)
        {
            html.Append(indent).Append("<ul>\n");
            foreach (string item in section.Bullets)
            {
                html.Append(indent).Append("  <li>").Append(E(item)).Append("</li>\n");
            }

            html.Append(indent).Append("</ul>\n");
        }

        if (section.Table.Count > 0)
        {
            html.Append(indent).Append("<table>\n").Append(indent).Append("  <thead><tr>");
            foreach (string cell in section.Table[0])
            {
                html.Append("<th>").Append(E(cell)).Append("</th>");
            }

            html.Append("</tr></thead>\n").Append(indent).Append("  <tbody>\n");
            for (int r = 1; r < section.Table.Count; r++)
            {
                html.Append(indent).Append("    <tr>");
                foreach (string cell in section.Table[r])
                {
                    html.Append("<td>").Append(E(cell)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append(indent).Append("  </tbody>\n").Append(indent).Append("</table>\n");
        }
    }

    /// <summary>Writes the comment thread as a list of &lt;div class="comment"&gt; items.</summary>
    public static void Comments(StringBuilder html, Article article, string indent)
    {
        html.Append(indent).Append("<h3>").Append(article.Comments.Count).Append(" comments</h3>\n");
        foreach (var (who, text) in article.Comments)
        {
            html.Append(indent).Append("<div class=\"comment\"><span class=\"comment-author\">").Append(E(who))
                .Append("</span> <p>").Append(E(text)).Append("</p> <a href=\"#reply\">Reply</a> <a href=\"#report\">Report</a></div>\n");
        }

        html.Append(indent).Append("<form class=\"comment-form\"><textarea name=\"comment\" placeholder=\"Join the discussion\"></textarea>")
            .Append("<button type=\"submit\">Post comment</button></form>\n");
    }

    /// <summary>Writes a link list (<c>&lt;ul&gt;&lt;li&gt;&lt;a&gt;</c>) from label/slug pairs.</summary>
    public static void LinkList(StringBuilder html, string baseUrl, IEnumerable<string> labels, string indent)
    {
        html.Append(indent).Append("<ul>\n");
        foreach (string label in labels)
        {
            html.Append(indent).Append("  <li><a href=\"").Append(baseUrl).Append(ArticleFactory.Slugify(label)).Append("\">")
                .Append(E(label)).Append("</a></li>\n");
        }

        html.Append(indent).Append("</ul>\n");
    }

    public static string ShareButtons(string url) =>
        $"""<div class="share"><span>Share this:</span> <a href="https://social.example/share?u={E(url)}">Post</a> <a href="https://mail.example/compose?body={E(url)}">Email</a> <a href="#" onclick="navigator.clipboard.writeText(location.href)">Copy link</a></div>""";
}
