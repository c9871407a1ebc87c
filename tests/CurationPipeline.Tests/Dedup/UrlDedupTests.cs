using CurationPipeline.Dedup;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Dedup;

/// <summary>URL dedup in the global step: one capture per normalized URL, the newest, on real article text.</summary>
public sealed class UrlDedupTests
{
    private static readonly DocumentSigner s_signer = new(new MinHashOptions());
    private static readonly DateTimeOffset s_day = new(2026, 3, 14, 8, 0, 0, TimeSpan.Zero);

    private sealed record Capture(string Id, string? Url, DateTimeOffset? Date, int Article, string SourcePath = "crawl.warc.gz");

    [Theory]
    [InlineData("https://www.Example.com/a/b/?utm_source=x&id=3&ref=homepage#top", "example.com/a/b?id=3")]
    [InlineData("http://example.com:80/a/b", "example.com/a/b")]
    [InlineData("https://example.com:8443/", "example.com:8443/")]
    [InlineData("https://example.com/A?b=1&a=2", "example.com/A?b=1&a=2")] // path case and parameter order are kept
    [InlineData("  mailto:someone@example.com ", "mailto:someone@example.com")]
    public void Normalize_Url_DropsWhatDoesNotNameAnotherPage(string url, string expected) => Assert.Equal(expected, UrlKey.Normalize(url));

    [Fact]
    public void Of_NoUrl_IsNone() => Assert.Equal(UrlKey.None, UrlKey.Of(null));

    [Fact]
    public async Task RunLocalAsync_RecapturedPages_KeepsTheNewestAndDropsTheRestAsUrl()
    {
        Capture[] captures =
        [
            new("a1", "https://news.example/story", s_day, 0),
            new("a2", "http://www.news.example/story/?utm_medium=rss", s_day.AddDays(2), 1), // newest: kept, though its text changed
            new("a3", "https://news.example/story#comments", s_day.AddDays(1), 2),
            new("b1", "https://blog.example/post", s_day, 3),
            new("b2", "https://blog.example/post", s_day, 4, "other.warc.gz"), // same time: the smaller identity (b1) is kept
            new("c1", "https://blog.example/other", s_day, 5),
            new("d1", null, null, 6),
            new("d2", null, null, 7),
            new("e1", "https://shop.example/item", null, 8),  // an undated capture is older than any dated one
            new("e2", "https://shop.example/item", s_day, 9),
        ];

        (IReadOnlyList<DropListRow> rows, DedupStats stats) = await RunAsync(captures, urlDedup: true);

        Assert.Equal(
            [("a1", "a2"), ("a3", "a2"), ("b2", "b1"), ("e1", "e2")],
            rows.Select(r => (r.DocumentId, r.KeptId)));
        Assert.All(rows, r => Assert.Equal(DedupReasons.Url, r.Reason));
        Assert.Equal(4, stats.DroppedUrl);
        Assert.Equal(0, stats.DroppedExact + stats.DroppedNear);

        (IReadOnlyList<DropListRow> off, DedupStats offStats) = await RunAsync(captures, urlDedup: false);
        Assert.Empty(off);
        Assert.Equal(0, offStats.DroppedUrl);
    }

    [Fact]
    public async Task RunLocalAsync_UrlDuplicateWithSameText_DroppedOnceAndExactlyOneCopySurvives()
    {
        // The same article under one URL on two days, plus a copy under another URL. URL dedup drops the older capture first;
        // content dedup then chooses among the rest only (smallest identity: m-copy), so the text keeps exactly one survivor
        // and no document is dropped twice. The URL drop names the survivor, m-copy, as its kept document.
        Capture[] captures =
        [
            new("a-old", "https://news.example/story", s_day, 10),
            new("z-new", "https://news.example/story", s_day.AddDays(1), 10),
            new("m-copy", "https://mirror.example/story", s_day, 10),
        ];

        (IReadOnlyList<DropListRow> rows, DedupStats stats) = await RunAsync(captures, urlDedup: true);

        Assert.Equal([("a-old", "m-copy", DedupReasons.Url), ("z-new", "m-copy", DedupReasons.Exact)], rows.Select(r => (r.DocumentId, r.KeptId, r.Reason)));
        Assert.Equal((1, 1), (stats.DroppedUrl, stats.DroppedExact));
    }

    private static async Task<(IReadOnlyList<DropListRow>, DedupStats)> RunAsync(Capture[] captures, bool urlDedup)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        var files = new List<string>();
        for (int f = 0; f < 2; f++)
        {
            // Two files, in reverse order of the captures, so neither file nor arrival order can decide.
            var writer = new SignatureFileWriter(s_signer.Options, rank: f, includeSketches: false);
            foreach (Capture c in captures.Reverse().Where((_, i) => i % 2 == f))
            {
                writer.Add(s_signer.Sign(c.Id, 1, DedupTexts.Articles[c.Article]) with
                {
                    SourcePath = c.SourcePath,
                    SourceOffset = c.Article,
                    UrlHash = UrlKey.Of(c.Url),
                    DateTicks = c.Date?.UtcTicks ?? long.MinValue,
                });
            }

            files.Add(Path.Combine(dir, $"sig-{f}.dedupsig"));
            await writer.WriteAsync(LocalStorage.Instance, files[^1], ct);
        }

        string dropList = Path.Combine(dir, "drop-list.bin");
        DedupStats stats = await GlobalDedup.RunLocalAsync(LocalStorage.Instance, files, dir, dropList, new DedupClusterOptions { UrlDedup = urlDedup }, ct);
        return (DropListFile.Read(LocalStorage.Instance, dropList), stats);
    }
}
