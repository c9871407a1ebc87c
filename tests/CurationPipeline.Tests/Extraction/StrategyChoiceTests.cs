using System.Text;
using CurationPipeline.Extraction;
using CurationPipeline.Extraction.Internal;

namespace CurationPipeline.Tests.Extraction;

/// <summary>The per-page choice between the selection and the whole body: its features (<see cref="PageFeatures"/>, read from
/// small pages) and its decision (<see cref="StrategyChoice"/>).</summary>
public sealed class StrategyChoiceTests
{
    private static readonly MainContentExtractor s_extractor = new(new ExtractionOptions());

    private const string Story =
        "The council voted on Tuesday to rebuild the old bridge, after two years of surveys, hearings and a public consultation. " +
        "Work starts in spring, the road stays open on one lane, and the budget, agreed with the region, covers the whole span.";

    /// <summary>A page whose story sits between two long link menus, with optional head markup.</summary>
    private static string FramedStory(string head = "")
    {
        var html = new StringBuilder($"<html><head><title>Bridge</title>{head}</head><body><div class='menu'>");
        for (int i = 0; i < 30; i++)
        {
            html.Append($"<a href='/section/{i}'>Section number {i}</a> ");
        }

        html.Append($"</div><div class='story'><p>{Story}</p><p>{Story}</p></div><div class='more'>");
        for (int i = 0; i < 30; i++)
        {
            html.Append($"<a href='/more/{i}'>Another headline {i}</a> ");
        }

        return html.Append("</div></body></html>").ToString();
    }

    private static PageFeatures FeaturesOf(string html, string? url = null)
    {
        var candidates = new StrategyCandidates();
        ExtractionResult result = s_extractor.Extract(html.AsMemory(), url, candidates);
        Assert.True(result.Succeeded, result.Reason);
        return candidates.Features;
    }

    [Theory]
    [InlineData("https://example.com/forum/thread-123", nameof(UrlPageKind.Forum))]
    [InlineData("https://example.com/t/how-to-fix/42", nameof(UrlPageKind.Forum))]
    [InlineData("https://shop.example.com/products/blue-mug", nameof(UrlPageKind.Product))]
    [InlineData("https://example.com/docs/api/start", nameof(UrlPageKind.Documentation))]
    [InlineData("https://example.com/category/garden", nameof(UrlPageKind.Listing))]
    [InlineData("https://example.com/2024/05/bridge-vote", nameof(UrlPageKind.Article))]
    [InlineData("https://example.com/blog/bridge-vote", nameof(UrlPageKind.Article))]
    [InlineData("https://example.com/about-us", nameof(UrlPageKind.None))]
    [InlineData("https://products.example.com/", nameof(UrlPageKind.None))]
    [InlineData(null, nameof(UrlPageKind.None))]
    public void UrlPageKinds_Of_ReadsGenericPathWordsOnly(string? url, string expected) =>
        Assert.Equal(expected, UrlPageKinds.Of(url).ToString());

    [Fact]
    public void Features_StoryFramedByMenus_RestIsMostlyLinks()
    {
        PageFeatures features = FeaturesOf(FramedStory());

        Assert.True(features.RestLinkDensity > 0.9, $"rest link density {features.RestLinkDensity}");
        Assert.Equal(0, features.RestSentenceEnds);
        Assert.True(features.Share < 0.5, $"share {features.Share}");
    }

    [Fact]
    public void Features_DeclarationsAndDeclaredUrl_Read()
    {
        const string head = "<meta property='og:url' content='https://example.com/products/bridge-kit'>" +
            "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Kit\"}</script>";

        PageFeatures declared = FeaturesOf(FramedStory(head));
        PageFeatures given = FeaturesOf(FramedStory(head), "https://example.com/news/bridge");

        Assert.True(declared.DeclaresProduct);
        Assert.False(declared.DeclaresArticle);
        Assert.Equal(UrlPageKind.Product, declared.UrlKind);
        Assert.Equal(UrlPageKind.Article, given.UrlKind); // the URL the page was fetched from wins over its og:url
    }

    private static PageFeatures Undecided(double restLinkDensity) => new(
        DeclaresArticle: false, DeclaresProduct: false, UrlPageKind.Documentation, Share: 0.7, Confidence: 0.3, SelectedChars: 2000,
        PageChars: 2857, PageLinkDensity: 0.3, restLinkDensity, RestGoodShare: 0.5, RestSentenceEnds: 5);

    [Fact]
    public void Choose_SmallShareAndLowConfidence_WholeBodyByRule()
    {
        PageFeatures page = Undecided(0.9) with { Share = 0.3 };

        Assert.Equal(ExtractionStrategy.WholeBody, StrategyChoice.Choose(page));
    }

    [Fact]
    public void Choose_RuleSaysSelection_ModelAddsWholeBodyUnlessTheRestIsLinks()
    {
        Assert.True(StrategyChoice.Score(Undecided(0.2)) > 0.5);
        Assert.True(StrategyChoice.Score(Undecided(0.9)) > 0.5);

        Assert.Equal(ExtractionStrategy.WholeBody, StrategyChoice.Choose(Undecided(0.2)));
        Assert.Equal(ExtractionStrategy.Selection, StrategyChoice.Choose(Undecided(0.9)));
    }

    [Fact]
    public void Choose_DeclaredArticleCoveringItsParagraphs_Selection()
    {
        PageFeatures article = Undecided(0.2) with { DeclaresArticle = true, UrlKind = UrlPageKind.Article, Confidence = 0.95 };

        Assert.True(StrategyChoice.Score(article) < 0.5, $"score {StrategyChoice.Score(article)}");
        Assert.Equal(ExtractionStrategy.Selection, StrategyChoice.Choose(article));
    }

    [Theory]
    [InlineData(1.0, nameof(ExtractionStrategy.Selection))]
    [InlineData(1.5, nameof(ExtractionStrategy.WholeBody))]  // the selection swallowed blocks named as chrome
    [InlineData(3.0, nameof(ExtractionStrategy.Selection))]  // the stripping took most of the page: the names are wrong
    public void Choose_SelectionLongerThanTheStrippedPage_WholeBodyOnlyWhenModestlyLonger(double share, string expected)
    {
        PageFeatures product = Undecided(0.9) with { DeclaresProduct = true, UrlKind = UrlPageKind.Product, Confidence = 1, Share = share };

        Assert.Equal(expected, StrategyChoice.Choose(product).ToString());
    }

    [Fact]
    public void Extract_StoryFramedByMenus_KeepsTheStoryWithoutTheMenus()
    {
        ExtractionResult result = s_extractor.Extract(FramedStory(), "https://example.com/news/bridge");

        Assert.Contains("rebuild the old bridge", result.Text);
        Assert.DoesNotContain("Another headline", result.Text);
        Assert.DoesNotContain("Section number", result.Text);
    }
}
