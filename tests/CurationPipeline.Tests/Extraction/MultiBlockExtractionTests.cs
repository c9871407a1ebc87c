using System.Text;
using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

/// <summary>Pages whose main content is many sibling blocks (services, forums, listings) rather than one article body, and the
/// confidence score.</summary>
public sealed class MultiBlockExtractionTests
{
    private static readonly MainContentExtractor s_extractor = new(new ExtractionOptions());

    private static readonly string[] s_sections =
    [
        "We design storage systems for small offices, sized to the data you keep and the budget you have, and we install them on site.",
        "Our engineers visit within two working days, test every drive before it ships, and leave written notes on what was changed.",
        "Support contracts run by the month, cover parts and labour, and can be cancelled at any time without a fee or a penalty.",
        "Training sessions teach your staff to restore files, rotate backups and read the health reports that the systems send each week.",
    ];

    private static string ServicePage()
    {
        var html = new StringBuilder("<html><head><title>Storage services</title></head><body>");
        html.Append("<div class='site-nav'><a href='/'>Home</a> <a href='/a'>About</a> <a href='/c'>Contact</a></div><div id='page'>");
        html.Append("<div class='live'><span>Arsenal 2 - 1 Chelsea</span> <span>Leeds 0 - 0 Everton, second half under way</span></div>");
        foreach ((string text, int i) in s_sections.Select((t, i) => (t, i)))
        {
            // Each section is its own wrapper, as page builders lay them out; the heading sits in a "section-header" block.
            html.Append($"<section class='block-{i}'><div class='wrap'><div class='section-header'><h2>Service {i}</h2></div>");
            html.Append($"<div class='text'><p>{text}</p></div></div></section>");
        }

        html.Append("</div><div class='cookie-bar'>We use cookies to improve your experience on this website, see our policy.</div>");
        return html.Append("</body></html>").ToString();
    }

    [Fact]
    public void Extract_SiblingSections_KeepsEverySectionAndHeading()
    {
        ExtractionResult result = s_extractor.Extract(ServicePage());

        Assert.True(result.Succeeded, result.Reason);
        foreach (string section in s_sections)
        {
            Assert.Contains(section, result.Text);
        }

        Assert.Contains("Service 3", result.Text);
    }

    [Fact]
    public void Extract_CookieAndLiveScoreBars_Dropped()
    {
        ExtractionResult result = s_extractor.Extract(ServicePage());

        Assert.DoesNotContain("cookies", result.Text);
        Assert.DoesNotContain("Arsenal", result.Text);
        Assert.DoesNotContain("Contact", result.Text);
    }

    [Fact]
    public void Extract_ContentInNoscript_Kept()
    {
        // Discourse serves the whole topic inside <noscript> to clients without JavaScript.
        string posts = string.Concat(s_sections.Select(s => $"<div class='post'><p>{s}</p></div>"));
        string html = $"<html><body><noscript><img src='pixel.gif'></noscript><div id='app'></div><noscript><div id='main-outlet'>{posts}</div></noscript></body></html>";

        ExtractionResult result = s_extractor.Extract(html);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains(s_sections[0], result.Text);
        Assert.Contains(s_sections[3], result.Text);
    }

    [Fact]
    public void Extract_ShortNoscriptNotice_Dropped()
    {
        string html = $"<html><body><noscript><p>Please enable JavaScript.</p></noscript><article><p>{s_sections[0]}</p><p>{s_sections[1]}</p></article></body></html>";

        ExtractionResult result = s_extractor.Extract(html);

        Assert.DoesNotContain("JavaScript", result.Text);
    }

    [Fact]
    public void Confidence_WholeArticle_HighAndFailedPage_Zero()
    {
        ExtractionResult article = s_extractor.Extract(ArticlePage.Build("", "<title>Flood news</title>", ""));
        ExtractionResult empty = s_extractor.Extract("<html><body><nav><a href='/'>Home</a></nav></body></html>");

        Assert.InRange(article.Confidence, 0.8, 1.0);
        Assert.False(empty.Succeeded);
        Assert.Equal(0, empty.Confidence);
    }

    [Fact]
    public void Confidence_OneShortParagraph_Low()
    {
        ExtractionResult result = s_extractor.Extract("<html><body><article><p>A short note of about fifty characters.</p></article></body></html>");

        Assert.True(result.Succeeded, result.Reason);
        Assert.InRange(result.Confidence, 0.0, 0.4);
    }
}
