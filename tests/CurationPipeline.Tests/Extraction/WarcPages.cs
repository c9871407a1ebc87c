using CurationPipeline.Documents;
using CurationPipeline.Storage;
using CurationPipeline.Warc;

namespace CurationPipeline.Tests.Extraction;

/// <summary>Decoded HTML pages of a WARC/ARC file, read through <see cref="WarcDocumentSource"/> as the pipeline reads them.</summary>
internal static class WarcPages
{
    /// <summary>The bundled synthetic crawl (sample-warc/README.md).</summary>
    public static string Quickstart => Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart.warc.gz");

    public static async Task<List<RawDocument>> ReadHtmlAsync(string path)
    {
        var pages = new List<RawDocument>();
        await foreach (SourceItem item in new WarcDocumentSource(new WarcReaderOptions()).ReadAsync(LocalStorage.Instance, path, TestContext.Current.CancellationToken))
        {
            if (item.Document is { Kind: ContentKind.Html } page)
            {
                pages.Add(page);
            }
        }

        return pages;
    }

    public static async Task<RawDocument> FindAsync(string path, string url) =>
        (await ReadHtmlAsync(path)).First(page => page.Url == url);
}
