using CurationPipeline.Extraction;
using CurationPipeline.Extraction.Internal;

namespace CurationPipeline.Tests.Extraction;

public sealed class NoscriptRawTextTests
{
    private const string Body =
        "<main><h1>Deploy in minutes</h1><p>Connect a repository and every push builds and ships the service, with previews for "
        + "each pull request, zero-downtime deploys and logs you can search across every instance of the app.</p>"
        + "<p>Scale by hand or automatically on load, and pay only for the seconds each instance runs.</p></main>";

    [Theory]
    [InlineData("<noscript><iframe src=\"https://t.example/ns\" height=\"0\" /></noscript>", "<noscript><iframe src=\"https://t.example/ns\" height=\"0\" /></iframe></noscript>")]
    [InlineData("<NOSCRIPT><Style>.x{}</NOSCRIPT>a", "<NOSCRIPT><Style>.x{}</style></NOSCRIPT>a")]
    [InlineData("<noscript><iframe/></noscript><p>a</p><noscript><img src=x><iframe></noscript>", "<noscript><iframe/></iframe></noscript><p>a</p><noscript><img src=x><iframe></iframe></noscript>")]
    public void Repair_RawTextLeftOpenInNoscript_ClosedBeforeNoscriptEnds(string html, string expected)
    {
        Assert.Equal(expected, NoscriptRawText.Repair(html.AsMemory()).ToString());
    }

    [Theory]
    [InlineData("<noscript><iframe src=x></iframe></noscript><p>a</p>")]
    [InlineData("<noscript><img src=x></noscript><iframe/><p>swallowed, as in a browser</p>")]
    [InlineData("<noscript><iframe src=x />")]  // no </noscript>: nothing to close it at
    [InlineData("<p>no noscript at all</p>")]
    public void Repair_NothingLeftOpenInNoscript_ReturnsInputItself(string html)
    {
        ReadOnlyMemory<char> memory = html.AsMemory();

        Assert.True(NoscriptRawText.Repair(memory).Equals(memory));
    }

    [Fact]
    public void Extract_TagManagerIframeSelfClosedInNoscript_KeepsTheRestOfThePage()
    {
        // The slash does not close an iframe; parsed with scripting off, its raw text used to run to the end of the page.
        string html = "<html><body><noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-X\" height=\"0\" width=\"0\" "
            + "style=\"display: none; visibility: hidden;\" /></noscript>" + Body + "</body></html>";

        ExtractionResult result = new MainContentExtractor(new ExtractionOptions()).Extract(html);

        Assert.Null(result.Reason);
        Assert.Contains("every push builds and ships the service", result.Text);
        Assert.Contains("pay only for the seconds", result.Text);
    }
}
