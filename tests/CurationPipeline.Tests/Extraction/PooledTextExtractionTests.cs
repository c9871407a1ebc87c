using CurationPipeline.Documents;
using CurationPipeline.Extraction;

namespace CurationPipeline.Tests.Extraction;

/// <summary>Extraction from chars in memory (how pooled WARC text is extracted) against extraction from a string.</summary>
public sealed class PooledTextExtractionTests
{
    private static readonly MainContentExtractor s_extractor = new(new ExtractionOptions());

    /// <summary>Each page sits in the middle of a larger array between poison chars: the parser must read exactly the slice, and the
    /// result must not change when the array is overwritten after the call (it holds no reference to it).</summary>
    [Fact]
    public async Task Extract_MemorySliceOfLargerArray_SameResultAsString()
    {
        List<RawDocument> pages = await WarcPages.ReadHtmlAsync(WarcPages.Quickstart);
        Assert.NotEmpty(pages);
        foreach (RawDocument page in pages)
        {
            string html = page.Content.ToString();
            char[] array = new char[html.Length + 200];
            array.AsSpan().Fill('\u2620');
            html.CopyTo(array.AsSpan(100));
            ExtractionResult expected = s_extractor.Extract(html, page.Url);

            ExtractionResult actual = s_extractor.Extract(array.AsMemory(100, html.Length), page.Url);
            array.AsSpan().Fill('x');

            Assert.Equal((expected.Succeeded, expected.Reason, expected.Title, expected.Text, expected.Language, expected.Confidence),
                (actual.Succeeded, actual.Reason, actual.Title, actual.Text, actual.Language, actual.Confidence));
        }
    }

    [Fact]
    public void Extract_EmptyOrTooLargeMemory_FailsWithReason()
    {
        var small = new MainContentExtractor(new ExtractionOptions { MaxHtmlChars = 1000 });

        Assert.Equal(ExtractionReasons.Empty, small.Extract(ReadOnlyMemory<char>.Empty).Reason);
        Assert.Equal(ExtractionReasons.TooLarge, small.Extract(new string('a', 1001).AsMemory()).Reason);
    }
}
