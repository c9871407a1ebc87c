using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

/// <summary>Blocks that a page repeats word for word (a copy for another screen size, a cloned carousel slide) come out once;
/// short lines and code that repeat on purpose stay.</summary>
public sealed class RepeatedBlockTests
{
    private const string Feature = "The case is cut from one piece of vegetable-tanned leather and stitched by hand in our workshop.";
    private const string Care = "Wipe it with a damp cloth, let it dry away from heat, and rub in a little balm once or twice a year.";

    [Theory]
    [InlineData(ExtractionFormat.Text)]
    [InlineData(ExtractionFormat.Markdown)]
    public void Extract_SectionCopiedForAnotherScreen_WrittenOnce(ExtractionFormat format)
    {
        string section = $"<div class='details'><h3>Made to last</h3><p>{Feature}</p><p>{Care}</p></div>";
        string html = ArticlePage.Build($"<div class='desktop'>{section}</div><div class='mobile'>{section}</div>");

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions { Format = format }).Extract(html);

        Assert.Equal(1, Count(result.Text, Feature));
        Assert.Equal(1, Count(result.Text, Care));
        Assert.Equal(1, Count(result.Text, "Made to last"));
        Assert.Contains(ArticlePage.Para3, result.Text);
    }

    [Fact]
    public void Extract_ShortLineRepeatedInEachSection_Kept()
    {
        string html = ArticlePage.Build(
            $"<div><h3>Plan A</h3><p>Eat every 2–3 hours.</p><p>{Feature}</p></div><div><h3>Plan B</h3><p>Eat every 2–3 hours.</p><p>{Care}</p></div>");

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html);

        Assert.Equal(2, Count(result.Text, "Eat every 2–3 hours."));
    }

    [Fact]
    public void Extract_RepeatedParagraphAndCode_Kept()
    {
        const string code = "for (int i = 0; i < rows.Count; i++)\n{\n    total += rows[i].Amount * rows[i].Quantity;\n}\nreturn total;";
        string html = ArticlePage.Build($"<p>{Feature}</p><pre>{code}</pre><p>{Feature}</p><pre>{code}</pre>");

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html);

        Assert.Equal(2, Count(result.Text, Feature));
        Assert.Equal(2, Count(result.Text, "total += rows[i].Amount"));
    }

    private static int Count(string text, string value) => text.Split(value).Length - 1;
}
