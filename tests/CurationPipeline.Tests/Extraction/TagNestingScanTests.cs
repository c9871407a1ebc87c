using System.IO.Compression;
using System.Text;
using CurationPipeline.Extraction;
using CurationPipeline.Extraction.Internal;

namespace CurationPipeline.Tests.Extraction;

public sealed class TagNestingScanTests
{
    [Theory]
    [InlineData("<div><div></div><span></span></div>", 2)]                 // start tags at depth 0, 1, 1
    [InlineData("<DIV><b><i></div><span></span>", 3)]                      // an end tag closes everything opened after its element
    [InlineData("<div><br><img src='a>b'><hr/></div>", 3)]                 // void elements never open; '>' in a quoted value
    [InlineData("<div><svg><path/><path/></svg></div>", 5)]                // self-closed foreign elements never open
    [InlineData("<p>a<p>b<p>c", 2)]                                        // a paragraph closes the open one
    [InlineData("<ul><li>a<li>b</ul><dl><dt>a<dd>b</dl>", 6)]
    [InlineData("<script>if (a<b) { x = '<div><div><div>'; }</script><div></div>", 0)]
    [InlineData("<!-- <div><div><div> --><!DOCTYPE html><?xml?><div></div>", 0)]
    [InlineData("a < b and c <3 d </ e", 0)]                               // literal '<' in text
    [InlineData("</div></span><div></div>", 0)]                            // stray end tags change nothing
    public void NestingWork_SmallMarkup_SumOfOpenElementsAtEachStartTag(string html, long expected)
    {
        Assert.Equal(expected, TagNestingScan.NestingWork(html, long.MaxValue));
    }

    [Fact]
    public void NestingWork_UnclosedFormattingInParagraphs_StaysLinear()
    {
        // Old pages leave <font> open in every paragraph; the next <p> closes it, as the tree builder does.
        string html = string.Concat(Enumerable.Repeat("<p><font face=x>text", 10_000));

        Assert.True(TagNestingScan.NestingWork(html, long.MaxValue) <= 3 * 10_000);
    }

    [Fact]
    public void NestingWork_DeepNesting_Quadratic()
    {
        string html = string.Concat(Enumerable.Repeat("<div>", 1_000));

        Assert.Equal(1_000L * 999 / 2, TagNestingScan.NestingWork(html, long.MaxValue));
    }

    [Fact]
    public void NestingWork_OverLimit_StopsEarly()
    {
        string html = string.Concat(Enumerable.Repeat("<div>", 100_000));

        long work = TagNestingScan.NestingWork(html, 1_000);

        Assert.InRange(work, 1_001, 2_000);
    }

    [Fact]
    public void NestingWork_RealPages_FarBelowTheDefaultLimit()
    {
        // 1,539 benchmark pages of every type: the largest is about 140,000, a 350th of the default limit.
        long limit = new ExtractionOptions().MaxNestingWork;
        string[] folders = [TestData.Shared("extraction/scrapinghub/html"), TestData.Shared("extraction/wcxb-dev/html")];
        long max = 0;
        int pages = 0;
        foreach (string path in folders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.html.gz")))
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            max = Math.Max(max, TagNestingScan.NestingWork(reader.ReadToEnd(), limit));
            pages++;
        }

        Assert.True(pages > 1_500, $"{pages} pages");
        Assert.True(max < limit / 100, $"largest nesting work {max}");
    }
}
