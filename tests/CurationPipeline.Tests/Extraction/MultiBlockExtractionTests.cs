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
        const string html = "<html><body><article><p>A short note of about fifty characters.</p></article></body></html>";

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions { MinLowConfidenceWords = 0 }).Extract(html);

        Assert.True(result.Succeeded, result.Reason);
        Assert.InRange(result.Confidence, 0.0, 0.4);
    }

    [Fact]
    public void Extract_FewWordsAtLowConfidence_EmptyAsPageChrome()
    {
        const string shell = "<html><body><div><a href='#main'>Skip to content</a></div><div><span>I'm shopping for...</span></div></body></html>";

        ExtractionResult result = s_extractor.Extract(shell);

        Assert.False(result.Succeeded);
        Assert.Equal(ExtractionReasons.Empty, result.Reason);
        Assert.Contains("page chrome", result.Detail);
    }

    [Fact]
    public void Extract_FiftyWordsAtLowConfidence_Kept()
    {
        string note = "<html><body><div><p>" + string.Join(' ', Enumerable.Range(0, 50).Select(i => $"word{i}")) + "</p></div></body></html>";

        ExtractionResult result = s_extractor.Extract(note);

        Assert.True(result.Succeeded, result.Detail);
    }

    [Theory]
    [InlineData("Skip to content", 3)]
    [InlineData("it's 2,000 words", 5)] // letters and digits runs: it, s, 2, 000, words
    [InlineData("市交通部门宣布", 7)]     // one per Han char
    [InlineData("東京タワー 2 ka", 7)]
    public void CountWords_LetterRunsAndSpacelessScriptChars(string text, int expected) =>
        Assert.Equal(expected, CurationPipeline.Extraction.Internal.TextMeasure.CountWords(text, 100));

    [Theory]
    [InlineData(true, true)]    // a declared product's name is the subject of its specs
    [InlineData(false, false)]  // elsewhere the heading that repeats the title is the headline, which Title reports
    public void Extract_HeadingRepeatingTheTitle_KeptOnlyOnDeclaredProducts(bool declared, bool kept)
    {
        string head = declared
            ? "<title>Trail 25 pack</title><script type='application/ld+json'>{\"@type\":\"Product\",\"name\":\"Trail 25 pack\"}</script></head>"
            : "<title>Trail 25 pack</title></head>";

        ExtractionResult result = s_extractor.Extract(ProductPage().Replace("<title>Trail 25 pack</title></head>", head, StringComparison.Ordinal));

        Assert.Equal(kept, result.Text.StartsWith("Trail 25 pack", StringComparison.Ordinal));
    }

    private static string ProductPage() =>
        "<html><head><title>Trail 25 pack</title></head><body><nav><a href='/'>Home</a> <a href='/packs'>Packs</a></nav>"
        + "<div class='product'><h1>Trail 25 pack</h1><div class='price'>$129.00</div>"
        + "<div class='description'><p>A day pack for long hikes, with a framesheet that shields your back, side pockets you can reach "
        + "while walking, and a raincover that stows away in its own pocket when the weather turns.</p></div>"
        + "<div class='specs'><table><tr><th>Weight</th><td>1 lb 13 oz</td></tr><tr><th>Capacity</th><td>25 liters</td></tr>"
        + "<tr><th>Torso length</th><td>16 to 20 inches</td></tr><tr><th>Material</th><td>210-denier ripstop nylon</td></tr></table></div>"
        + "<div class='features'><dl><dt>Frame</dt><dd>Internal HDPE framesheet</dd><dt>Hipbelt</dt><dd>Removable, with web tensioner</dd></dl></div>"
        + "<div class='product-reviews'><div class='review'><p>I liked this bag a lot and used it on many short day hikes, "
        + "it carried everything I needed and never hurt my shoulders, five stars from me.</p></div></div>"
        + "</div><div class='cookie-bar'>We use cookies to improve your experience on this website, see our policy.</div></body></html>";

    [Fact]
    public void Extract_ProductPage_KeepsSpecTableAndDefinitionList()
    {
        ExtractionResult result = s_extractor.Extract(ProductPage());

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains("framesheet that shields your back", result.Text);
        Assert.Contains("Weight", result.Text);
        Assert.Contains("210-denier ripstop nylon", result.Text);
        Assert.Contains("Removable, with web tensioner", result.Text);
    }

    [Fact]
    public void Extract_ProductPage_ReviewsNavAndCookieBarDropped()
    {
        ExtractionResult result = s_extractor.Extract(ProductPage());

        Assert.DoesNotContain("five stars", result.Text);
        Assert.DoesNotContain("Packs", result.Text);
        Assert.DoesNotContain("cookies", result.Text);
    }

    private static string ListingPage(string beforeCards = "")
    {
        var html = new StringBuilder("<html><head><title>Blog</title></head><body><nav><a href='/'>Home</a> <a href='/about'>About us</a></nav><div class='list'>");
        html.Append(beforeCards);
        for (int i = 0; i < 6; i++)
        {
            html.Append($"<div class='card'><h3><a href='/post/{i}'>Release notes for version {i}</a></h3>");
            html.Append($"<p>What changed in version {i}, in short.</p><span>March {i + 1}, 2026</span></div>");
        }

        return html.Append("</div></body></html>").ToString();
    }

    [Fact]
    public void Extract_ListingOfSiblingCards_KeepsEveryCardTitleSummaryAndDate()
    {
        ExtractionResult result = s_extractor.Extract(ListingPage());

        Assert.True(result.Succeeded, result.Reason);
        for (int i = 0; i < 6; i++)
        {
            Assert.Contains($"Release notes for version {i}", result.Text);
            Assert.Contains($"What changed in version {i}, in short.", result.Text);
            Assert.Contains($"March {i + 1}, 2026", result.Text);
        }

        Assert.DoesNotContain("About us", result.Text);
    }

    [Fact]
    public void Extract_ListingWithFilterPanel_PanelDropped()
    {
        string filters = "<div class='search-filters'><h4>Brand</h4><p>Canon (125), Nikon (123), Sony (186), Fujifilm (101), Sigma (293)</p>"
            + "<h4>Price range</h4><p>$50 to $75 (25), $75 to $100 (36), $100 to $250 (217), $250 to $500 (455)</p></div>";

        ExtractionResult result = s_extractor.Extract(ListingPage(filters));

        Assert.Contains("Release notes for version 5", result.Text);
        Assert.DoesNotContain("Nikon", result.Text);
        Assert.DoesNotContain("Price range", result.Text);
    }

    private static string ArticleWithTeasers(string head)
    {
        // The story and the teasers meet only at <body>; each teaser sits in its own row, as grid layouts nest them.
        var html = new StringBuilder($"<html><head><title>Harbour reopens</title>{head}</head><body><div class='page'><div class='story'>");
        html.Append("<p>The harbour reopened on Monday after three weeks of repairs to the sea wall, which the storm had breached in two places.</p>");
        html.Append("<p>Fishing boats were the first to return, followed by the ferry, which will run its winter timetable until the spring.</p>");
        html.Append("<p>The town council thanked the crews who worked through the nights, and said the wall should now hold for decades.</p></div></div><div class='grid'>");
        for (int i = 0; i < 6; i++)
        {
            html.Append($"<div class='row'><div class='teaser'><p>Another story number {i} from the same town, told in one sentence for the front page.</p></div></div>");
        }

        return html.Append("</div></body></html>").ToString();
    }

    [Fact]
    public void Extract_DeclaredArticleWithTeasers_KeepsOnlyTheStory()
    {
        ExtractionResult result = s_extractor.Extract(ArticleWithTeasers("<meta property='og:type' content='article'>"));

        Assert.Contains("The harbour reopened on Monday", result.Text);
        Assert.DoesNotContain("Another story number", result.Text);
    }

    [Fact]
    public void Extract_SamePageDeclaredByJsonLd_KeepsOnlyTheStory()
    {
        const string jsonLd = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\": \"NewsArticle\"}</script>";

        ExtractionResult result = s_extractor.Extract(ArticleWithTeasers(jsonLd));

        Assert.DoesNotContain("Another story number", result.Text);
    }

    [Fact]
    public void Extract_SamePageUndeclared_NoDominantBody_KeepsEveryBlock()
    {
        ExtractionResult result = s_extractor.Extract(ArticleWithTeasers(""));

        Assert.Contains("The harbour reopened on Monday", result.Text);
        Assert.Contains("Another story number 5", result.Text);
        Assert.InRange(result.Confidence, 0.0, 0.6);
    }

    [Fact]
    public void Extract_ForumPosts_ProfileBoxesAndSignaturesDropped()
    {
        var html = new StringBuilder("<html><head><title>Which backup drive?</title></head><body><div class='thread'>");
        foreach (string post in s_sections)
        {
            html.Append("<div class='post'><div class='user-info'><p>Joined: March 2019. Posts: 1,204. Location: Leeds, United Kingdom.</p></div>");
            html.Append($"<div class='content'><p>{post}</p></div><div class='signature'><p>My setup: two mirrored drives and a weekly offsite copy.</p></div></div>");
        }

        ExtractionResult result = s_extractor.Extract(html.Append("</div></body></html>").ToString());

        Assert.Contains(s_sections[0], result.Text);
        Assert.Contains(s_sections[3], result.Text);
        Assert.DoesNotContain("Joined", result.Text);
        Assert.DoesNotContain("My setup", result.Text);
    }

    private static string TopicWithReplies(string head)
    {
        var html = new StringBuilder($"<html><head>{head}<title>Which backup drive?</title></head><body><div class='topic'>");
        html.Append($"<div class='post'><p>{s_sections[0]}</p><p>{s_sections[1]}</p></div>");
        html.Append("<div class='comments-area'><h3>Replies</h3>");
        foreach (string reply in s_sections.Skip(2))
        {
            html.Append($"<div class='comment'><span class='author'>member</span><p>{reply}</p></div>");
        }

        return html.Append("</div></div></body></html>").ToString();
    }

    [Fact]
    public void Extract_DeclaredDiscussion_KeepsTheReplies()
    {
        const string jsonLd = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\": \"DiscussionForumPosting\"}</script>";

        ExtractionResult result = s_extractor.Extract(TopicWithReplies(jsonLd));

        Assert.Contains(s_sections[0], result.Text);
        Assert.Contains(s_sections[2], result.Text);
        Assert.Contains(s_sections[3], result.Text);
    }

    [Fact]
    public void Extract_DiscussionDeclaredByMicrodata_KeepsTheReplies()
    {
        string html = TopicWithReplies("").Replace("<div class='topic'>", "<div class='topic' itemscope itemtype='https://schema.org/DiscussionForumPosting'>");

        ExtractionResult result = s_extractor.Extract(html);

        Assert.Contains(s_sections[3], result.Text);
    }

    [Fact]
    public void Extract_SamePageUndeclared_CommentsDropped()
    {
        ExtractionResult result = s_extractor.Extract(TopicWithReplies(""));

        Assert.Contains(s_sections[0], result.Text);
        Assert.DoesNotContain(s_sections[2], result.Text);
    }
}
