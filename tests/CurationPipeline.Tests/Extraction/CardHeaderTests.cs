using System.Text;
using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

/// <summary>A listing whose cards are <c>&lt;article&gt;</c> elements holding only a <c>&lt;header&gt;</c> (title and blurb) keeps
/// the cards; an article's short byline header is still dropped.</summary>
public sealed class CardHeaderTests
{
    private static readonly string[] s_teasers =
    [
        "The new earbuds add live translation and a heart rate sensor, and the case now charges from a watch charger.",
        "A firmware update fixes the dropouts some owners saw on calls, and it adds a setting for the ear tip fit test.",
        "The over-ear model comes in three new colours this autumn, sold only through one retailer until the spring.",
    ];

    [Fact]
    public void Extract_CardsThatAreAllHeader_Kept()
    {
        var html = new StringBuilder("<html><head><title>Headphones</title></head><body><main><h1>Headphones</h1><section><h2>Latest news</h2>");
        foreach ((string teaser, int i) in s_teasers.Select((t, i) => (t, i)))
        {
            html.Append($"<article class='river'><a href='/a{i}'><img src='/i{i}.jpg'></a><header><h2><a href='/a{i}'>Story number {i} about headphones</a></h2>");
            html.Append($"<p class='desc'><a href='/a{i}'>{teaser}</a></p><div><a href='/author'>Writer</a> <time>1 month ago</time></div></header></article>");
        }

        html.Append("</section></main></body></html>");

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html.ToString());

        foreach (string teaser in s_teasers)
        {
            Assert.Contains(teaser, result.Text);
        }
    }

    [Fact]
    public void Extract_BylineHeaderAboveArticleBody_Dropped()
    {
        string html = "<html><head><title>Flood news</title></head><body><article><header><p>By A. Reporter, staff writer, Tuesday</p></header>"
            + $"<p>{ArticlePage.Para1}</p><p>{ArticlePage.Para2}</p><p>{ArticlePage.Para3}</p></article></body></html>";

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html);

        Assert.Contains(ArticlePage.Para2, result.Text);
        Assert.DoesNotContain("staff writer", result.Text);
    }
}
