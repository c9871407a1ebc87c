using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

/// <summary>Recommendation and cross-sell sections, found by their heading's text, are left out with their cards; the product's
/// own sections stay.</summary>
public sealed class CrossSellSectionTests
{
    private const string Description = "This kettle boils a full litre in under four minutes, switches itself off when dry, and keeps its handle cool to the touch.";
    private const string Material = "The body is brushed stainless steel over a double wall, so the outside stays warm rather than hot, even after a second boil.";
    private const string Spec = "Capacity 1.0 litre, power 2,200 watts, cord length 75 centimetres, weight 1.1 kilograms.";

    [Fact]
    public void Extract_CarouselUnderItsHeading_Dropped()
    {
        string html = ProductPage(
            "<section class='x1'><div class='a'><div class='b'><h2>People who viewed this item also viewed</h2></div></div>"
            + "<ul><li><a href='/1'><h3>Copper kettle with whistle, 1.7 litres</h3></a><span>$39.99</span></li>"
            + "<li><a href='/2'><h3>Glass kettle with blue light, 1.5 litres</h3></a><span>$24.50</span></li></ul></section>");

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html);

        Assert.Contains(Description, result.Text);
        Assert.Contains(Spec, result.Text);
        Assert.DoesNotContain("also viewed", result.Text);
        Assert.DoesNotContain("Copper kettle", result.Text);
        Assert.DoesNotContain("$24.50", result.Text);
    }

    [Fact]
    public void Extract_FlatSectionAfterItsHeading_DroppedUpToNextHeading()
    {
        string html = ProductPage(
            "<h2>You may also like</h2><p>Copper kettle with whistle, a classic for gas stoves, $39.99.</p>"
            + "<p>Glass kettle with blue light and a wide lid, $24.50.</p>"
            + "<h2>Delivery</h2><p>We deliver within three working days, and returns are free for thirty days after delivery.</p>");

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html);

        Assert.Contains(Description, result.Text);
        Assert.DoesNotContain("You may also like", result.Text);
        Assert.DoesNotContain("Copper kettle", result.Text);
        Assert.DoesNotContain("Glass kettle", result.Text);
        Assert.Contains("returns are free for thirty days", result.Text);
    }

    [Fact]
    public void Extract_HeadingThatOnlyMentionsRelatedItems_Kept()
    {
        string html = ProductPage(
            "<h2>How this kettle compares with the kettles we sold before, and why we changed the spout, the lid and the base</h2>"
            + "<p>Copper kettle owners asked for a wider spout, so the new spout pours without dripping and fills a cup faster.</p>");

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html);

        Assert.Contains("Copper kettle owners asked for a wider spout", result.Text);
    }

    [Theory]
    [InlineData("product-upsell")]
    [InlineData("cross-sell-grid")]
    [InlineData("recommendations")]
    [InlineData("recently-viewed")]
    public void Extract_StripNamedAsCrossSell_Dropped(string className)
    {
        string html = ProductPage(
            $"<div class='{className}'><p>Copper kettle with whistle, a classic for gas stoves, now with a cooler handle.</p>"
            + "<p>Glass kettle with blue light and a wide lid that opens with one finger.</p></div>");

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html);

        Assert.Contains(Description, result.Text);
        Assert.DoesNotContain("Copper kettle", result.Text);
    }

    /// <summary>A shop's product page: the product's description and specifications, then <paramref name="extra"/>.</summary>
    private static string ProductPage(string extra) => $"""
        <!DOCTYPE html><html><head><title>Steel kettle</title></head><body>
          <div class="page"><div class="product">
            <h1>Steel kettle</h1>
            <div class="description"><h2>Description</h2><p>{Description}</p><p>{Material}</p></div>
            <div class="specs"><h2>Specifications</h2><p>{Spec}</p></div>
            {extra}
          </div></div>
        </body></html>
        """;
}
