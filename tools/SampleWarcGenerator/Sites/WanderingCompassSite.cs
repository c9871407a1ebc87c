using System.Text;
using SampleWarcGenerator.Content;
using static SampleWarcGenerator.Sites.Html;

namespace SampleWarcGenerator.Sites;

/// <summary>An old table-based layout with upper-case tags, font tags and a visitor counter.</summary>
internal sealed class WanderingCompassSite : SiteTemplate
{
    public override string Host => "wandering-compass.example";

    public override string Name => "The Wandering Compass";

    public override TopicBank Bank => EnglishBanks.Travel;

    public override string Server => "Microsoft-IIS/8.5";

    public override string ArticleUrl(Article article) => $"http://{Host}/trips/show.php?id={article.Slug.Length * 13 + article.Published.DayOfYear}&title={article.Slug}";

    public override string CharsetNote => "utf-8 (http header + meta http-equiv)";

    public override string Render(Article article, int adVariant)
    {
        var html = new StringBuilder(8192);
        html.Append($$"""
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
            <HTML lang="en">
            <HEAD>
            <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">
            <TITLE>{{E(article.Title)}} :: {{Name}}</TITLE>
            </HEAD>
            <BODY BGCOLOR="#FFFFF0" TEXT="#333333" LINK="#0000CC">
            <TABLE WIDTH="100%" BORDER="0" CELLPADDING="4">
            <TR><TD COLSPAN="3" BGCOLOR="#336699"><FONT COLOR="#FFFFFF" SIZE="5"><B>{{Name}}</B></FONT><BR><FONT COLOR="#FFFFFF" SIZE="2">Travel stories since 2003</FONT></TD></TR>
            <TR><TD COLSPAN="3"><A HREF="/">Home</A> | <A HREF="/trips/">Trip reports</A> | <A HREF="/tips/">Tips</A> | <A HREF="/guestbook.php">Guestbook</A> | <A HREF="/links.html">Links</A></TD></TR>
            <TR>
            <TD WIDTH="160" VALIGN="top" BGCOLOR="#EEEEEE">
            <B>Destinations</B>

            """);
        LinkList(html, "/trips/", ["Portugal", "Slovenia", "Estonia", "Poland", "Italy", "Faroe Islands"], "");
        html.Append($$"""
            <P><B>Friends of the site</B><BR><A HREF="http://backpack-forum.example/">Backpack Forum</A><BR><A HREF="http://rail-maps.example/">Rail Maps</A></P>
            <P><FONT SIZE="1">{{Ad(adVariant)}}</FONT></P>
            </TD>
            <TD VALIGN="top">
            <article>
            <H1>{{E(article.Title)}}</H1>
            <P><I>Written by {{E(article.Author)}} on {{article.Published:dd.MM.yyyy}}</I></P>
            <P>{{E(article.Lede)}}</P>

            """);
        Sections(html, article, "H2", "");
        html.Append($$"""
            </article>
            <HR>
            <P><B>Guestbook entries for this trip</B></P>

            """);
        Comments(html, article, "");
        html.Append($$"""
            </TD>
            <TD WIDTH="140" VALIGN="top"><CENTER><IMG SRC="/img/counter.gif" ALT="counter"><BR><FONT SIZE="1">You are visitor no. 0{{article.Slug.Length * 311}}</FONT></CENTER>
            <P><FONT SIZE="1">{{CookieText(adVariant)}}</FONT></P></TD>
            </TR>
            <TR><TD COLSPAN="3" ALIGN="center"><FONT SIZE="1">&copy; 2003-2026 {{Name}} | <A HREF="mailto:webmaster@wandering-compass.example">Webmaster</A> | Best viewed at 1024x768</FONT></TD></TR>
            </TABLE>
            </BODY>
            </HTML>

            """);
        return html.ToString();
    }
}
