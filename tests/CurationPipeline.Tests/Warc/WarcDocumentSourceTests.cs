using System.IO.Compression;
using System.Text;
using CurationPipeline.Documents;
using CurationPipeline.Storage;
using CurationPipeline.Warc;

namespace CurationPipeline.Tests.Warc;

public sealed class WarcDocumentSourceTests
{
    private const string ArcSample = "warc/arc/chatnoir-copycat/small-sample-1213893279526_0.arc";
    private const string ClueWeb = "warc/other-real/resiliparse/clueweb-quirk.warc.gz";

    static WarcDocumentSourceTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, string, string, string> SharedPages => new()
    {
        // HTTP says nothing; <meta charset=gbk>.
        { ArcSample, "http://bbs.shejis.com/forum-112-1.html", "gb2312", "赛尔社区" },
        // <meta ... charset=gb2312>, decoded as GBK like browsers do.
        { ArcSample, "http://mtv.50004.com/mtv/5577_1.htm", "gb2312", "免费下载" },
        { ArcSample, "http://www.sekkenweb.com/", "euc-jp", "手づくり石けん" },
        { ArcSample, "http://itv.missionseed.net/ccm/spanish/index.html", "ks_c_5601-1987", "missionseed" },
        // iso-8859-1 pages are decoded as windows-1252.
        { ArcSample, "http://hemslojden.leksand.org/hemslojden_gammal/uk/index.html", "windows-1252", "Leksands Hemslöjd" },
        { ArcSample, "http://www.sofradef.com/localiser.php", "windows-1252", "réaliser" },
        // ClueWeb09: EUC-JP, LF-only HTTP headers, and a false "Content-Encoding: gzip" over plain HTML.
        { ClueWeb, "http://www.uraharajuku.st/shopdetail/001005000005/019/000/order/", "euc-jp", "ブラウニー ブリーフケース" },
        { "warc/arc/arc2warc-conversion/crawl-002_2010_02_16_114_1266352769711_14-7060652.arc.gz", "http://www.insuranceforpets.net]www.insuranceforpets.net/", "windows-1252", "cPanel" },
    };

    [Theory]
    [MemberData(nameof(SharedPages))]
    public async Task ReadAsync_SharedPage_DecodesWithTheDeclaredCharset(string fixture, string url, string charset, string expectedText)
    {
        List<SourceItem> items = await ReadAllAsync(LocalStorage.Instance, TestData.Shared(fixture));

        RawDocument doc = Assert.Single(items, i => i.Document?.Url == url).Document!;
        Assert.Equal(ContentKind.Html, doc.Kind);
        Assert.Equal(charset, doc.Charset);
        Assert.Contains(expectedText, doc.Content.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', doc.Content.Span[..Math.Min(doc.Content.Length, 2000)].ToString());
    }

    [Fact]
    public async Task ReadAsync_WhirlwindCapture_OneItemPerRecordWithIdUrlDateAndOffset()
    {
        string path = TestData.Shared("warc/cc/whirlwind-python/whirlwind.warc.gz");
        List<SourceItem> items = await ReadAllAsync(LocalStorage.Instance, path);

        Assert.Equal(4, items.Count);
        Assert.Equal([WarcReasons.TypeWarcinfo, WarcReasons.TypeRequest, null, WarcReasons.TypeMetadata], items.Select(i => i.Rejection?.Reason));
        Assert.All(items.Where(i => i.Rejection is not null), i => Assert.False(i.Rejection!.IsError));
        RawDocument doc = items[2].Document!;
        Assert.Equal("urn:uuid:2aabeff2-67f5-4608-8466-e87c6296e2b6", doc.Id);
        Assert.Equal("https://an.wikipedia.org/wiki/Escopete", doc.Url);
        Assert.Equal(new DateTimeOffset(2024, 5, 18, 1, 58, 10, TimeSpan.Zero), doc.Date);
        Assert.Equal(1023, doc.SourceOffset);
        Assert.Equal(path, doc.SourcePath);
        Assert.Contains("Escopete", doc.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Wet_ConversionRecordsAreTextDocuments()
    {
        List<SourceItem> items = await ReadAllAsync(LocalStorage.Instance, TestData.Shared("warc/wet/cc_net/sample.warc.txt"));

        List<RawDocument> docs = items.Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        Assert.Equal(3, docs.Count);
        Assert.All(docs, d => Assert.Equal(ContentKind.Text, d.Kind));
        // The Chinese record declares 109 (characters, not bytes); the whole text is still read.
        RawDocument chinese = Assert.Single(docs, d => d.Content.ToString().Contains('。'));
        Assert.EndsWith("。", chinese.Content.ToString().TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(4, items.Count(i => i.Rejection is { Reason: WarcReasons.BadContentLength, IsError: true }));
    }

    [Fact]
    public async Task ReadAsync_ArcRecord_GetsADeterministicId()
    {
        string path = TestData.Shared("warc/other-real/warcio/example.arc.gz");
        RawDocument first = (await ReadAllAsync(LocalStorage.Instance, path)).Single(i => i.Document is not null).Document!;
        RawDocument second = (await ReadAllAsync(LocalStorage.Instance, path)).Single(i => i.Document is not null).Document!;

        Assert.StartsWith("arc:", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("http://example.com/", first.Url);
        Assert.Equal(new DateTimeOffset(2014, 2, 16, 5, 2, 21, TimeSpan.Zero), first.Date);
    }

    [Fact]
    public async Task ReadAsync_WgetBracketedTargetUri_IsStripped()
    {
        List<SourceItem> items = await ReadAllAsync(LocalStorage.Instance, TestData.Shared("warc/malformed/warcio/example-wget-bad-target-uri.warc.gz"));

        Assert.Equal("http://example.com/", Assert.Single(items, i => i.Document is not null).Document!.Url);
    }

    [Theory]
    [MemberData(nameof(WarcReaderTests.Fixtures), MemberType = typeof(WarcReaderTests))]
    public async Task ReadAsync_SharedFixture_OneItemPerRecordAndErrorsMatchProblems(string relativePath, string types, string problems)
    {
        string path = TestData.Shared(Path.Combine("warc", relativePath));
        var entries = new List<(bool Damaged, string? Problem)>();
        using (var reader = new WarcReader(File.OpenRead(path), new WarcReaderOptions()))
        {
            while (reader.MoveNext())
            {
                entries.Add((reader.Current.Problem is not null, reader.Current.Problem));
            }
        }

        List<SourceItem> items = await ReadAllAsync(LocalStorage.Instance, path);

        Assert.Equal(entries.Count, items.Count);
        Assert.Equal(
            entries.Where(e => e.Damaged).Select(e => e.Problem),
            items.Where(i => i.Rejection is { IsError: true }).Select(i => i.Rejection!.Reason));
        // Exactly one item per record (records always carry an id; damage regions never do).
        int records = types.Length == 0 ? 0 : types.Split(',').Sum(t => int.Parse(t[(t.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(records, items.Count(i => i.Document is not null || i.Rejection!.Id is not null));
        Assert.Equal(problems.Length == 0, entries.All(e => !e.Damaged));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        var source = new WarcDocumentSource(new WarcReaderOptions());
        string path = TestData.Shared("warc/other-real/dolma/sample-0000.warc.gz");
        int read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SourceItem item in source.ReadAsync(LocalStorage.Instance, path, cts.Token))
            {
                if (++read == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(3, read);
    }

    public static TheoryData<string, string, string> CharsetCases => new()
    {
        // Header beats meta.
        { "text/html; charset=windows-1251", "<html><head><meta charset=\"utf-8\"></head><body>Привет мир</body></html>", "windows-1251" },
        // Meta (http-equiv form) when the header has no charset.
        { "text/html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-jp\"></head><body>日本語のテキスト</body></html>", "euc-jp" },
        // <meta charset> with gb2312, which is GBK.
        { "text/html", "<html><head><meta charset='gb2312'></head><body>中文网页 镕</body></html>", "gbk" },
        // x-sjis is Shift_JIS.
        { "text/html; charset=x-sjis", "<html><body>日本語</body></html>", "shift_jis" },
    };

    [Theory]
    [MemberData(nameof(CharsetCases))]
    public async Task ReadAsync_CraftedCharset_DecodesTheText(string contentType, string html, string encodeAs)
    {
        byte[] body = Encoding.GetEncoding(encodeAs).GetBytes(html);
        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 OK", [$"Content-Type: {contentType}"], body));

        Assert.Equal(html, doc.Content.ToString());
    }

    [Fact]
    public async Task ReadAsync_Iso88591Label_DecodesAsWindows1252()
    {
        byte[] body = [.. "<html><body>"u8, 0x80, 0x20, 0xE9, .. "</body></html>"u8];
        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 OK", ["Content-Type: text/html; charset=ISO-8859-1"], body));

        Assert.Equal("<html><body>€ é</body></html>", doc.Content.ToString());
        Assert.Equal("windows-1252", doc.Charset);
    }

    [Fact]
    public async Task ReadAsync_BomBeatsMeta_AndIsStripped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<html><head><meta charset=iso-8859-1></head><body>Grüße</body></html>")];
        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 OK", ["Content-Type: text/html"], body));

        Assert.Equal("<html><head><meta charset=iso-8859-1></head><body>Grüße</body></html>", doc.Content.ToString());
        Assert.Equal("utf-8", doc.Charset);
    }

    [Fact]
    public async Task ReadAsync_NoDeclaration_DetectsTheCharset()
    {
        string html = "<html><body>" + string.Concat(Enumerable.Repeat("Съешь же ещё этих мягких французских булок, да выпей чаю. ", 20)) + "</body></html>";
        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 OK", ["Content-Type: text/html"], Encoding.GetEncoding("windows-1251").GetBytes(html)));

        Assert.Equal(html, doc.Content.ToString());
    }

    [Fact]
    public async Task ReadAsync_ChunkedGzipBody_IsDecoded()
    {
        const string Html = "<html><body>chunked and gzipped</body></html>";
        byte[] gz = Gzip(Encoding.UTF8.GetBytes(Html));
        byte[] chunked = [.. Encoding.ASCII.GetBytes($"{10:x}\r\n"), .. gz.AsSpan(0, 10), .. "\r\n"u8,
            .. Encoding.ASCII.GetBytes($"{gz.Length - 10:x};ext=1\r\n"), .. gz.AsSpan(10), .. "\r\n0\r\n\r\n"u8];
        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 OK", ["Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked", "Content-Encoding: gzip"], chunked));

        Assert.Equal(Html, doc.Content.ToString());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task ReadAsync_BrotliAndDeflateBodies_AreDecoded(string coding)
    {
        const string Html = "<html><body>compressed body</body></html>";
        var compressed = new MemoryStream();
        using (Stream encoder = coding == "br" ? new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true) : new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            encoder.Write(Encoding.UTF8.GetBytes(Html));
        }

        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 OK", ["Content-Type: text/html", $"Content-Encoding: {coding}"], compressed.ToArray()));

        Assert.Equal(Html, doc.Content.ToString());
    }

    [Fact]
    public async Task ReadAsync_FalseContentEncoding_KeepsTheStoredBytes()
    {
        const string Html = "<html><body>not compressed at all</body></html>";
        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 OK", ["Content-Type: text/html", "Content-Encoding: gzip"], Encoding.UTF8.GetBytes(Html)));

        Assert.Equal(Html, doc.Content.ToString());
    }

    [Fact]
    public async Task ReadAsync_CrawlerRenamedHeaders_BodyIsUsedAsStored()
    {
        const string Html = "<html><body>already decoded by the crawler</body></html>";
        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 ", ["content-type: text/html", "X-Crawler-Content-Encoding: gzip", "X-Crawler-Transfer-Encoding: chunked"], Encoding.UTF8.GetBytes(Html)));

        Assert.Equal(Html, doc.Content.ToString());
    }

    [Theory]
    [InlineData("301 Moved Permanently", "Content-Type: text/html", WarcReasons.HttpStatus3xx, "301")]
    [InlineData("404 Not Found", "Content-Type: text/html", WarcReasons.HttpStatus4xx, "404")]
    [InlineData("503 Service Unavailable", "Content-Type: text/html", WarcReasons.HttpStatus5xx, "503")]
    [InlineData("200 OK", "Content-Type: image/png", WarcReasons.HttpNotHtml, "image/png")]
    [InlineData("200 OK", "X-Nothing: 1", WarcReasons.HttpNotHtml, "(none)")]
    public async Task ReadAsync_NonDocumentResponse_IsADropWithItsReason(string status, string header, string reason, string detail)
    {
        List<SourceItem> items = await ReadAllAsync(HttpResponse(status, [header], "%PDF-1.4 not html"u8.ToArray()));

        Rejection rejection = Assert.Single(items).Rejection!;
        Assert.Equal((reason, false, detail, "read"), (rejection.Reason, rejection.IsError, rejection.Detail, rejection.Stage));
        Assert.Equal("urn:uuid:00000000-0000-0000-0000-000000000001", rejection.Id);
    }

    [Fact]
    public async Task ReadAsync_BodyOverMaxDecodedBodyBytes_IsHttpBodyTooLarge()
    {
        byte[] gz = Gzip(new byte[64 * 1024]);
        byte[] record = HttpResponse("200 OK", ["Content-Type: text/html", "Content-Encoding: gzip"], gz);
        var source = new WarcDocumentSource(new WarcReaderOptions { MaxDecodedBodyBytes = 16 * 1024 });
        var items = new List<SourceItem>();
        await foreach (SourceItem item in source.ReadAsync(new MemoryStorage("bomb.warc", record), "bomb.warc", TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        Assert.Equal((WarcReasons.HttpBodyTooLarge, false), (Assert.Single(items).Rejection!.Reason, items[0].Rejection!.IsError));
    }

    [Fact]
    public async Task ReadAsync_MissingContentTypeButHtml_IsSniffed()
    {
        RawDocument doc = await SingleDocumentAsync(HttpResponse("200 OK", ["Server: x"], "\r\n  <!DOCTYPE html><html><body>sniffed</body></html>"u8.ToArray()));

        Assert.Contains("sniffed", doc.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PayloadWithoutStatusLine_IsHttpMalformed()
    {
        byte[] record = WarcRecordBytes("response", "not an http response at all\r\n\r\n<html></html>"u8.ToArray());

        Assert.Equal(WarcReasons.HttpMalformed, Assert.Single(await ReadAllAsync(record)).Rejection!.Reason);
    }

    [Theory]
    [InlineData("x.warc.gz", true)]
    [InlineData("X.WARC", true)]
    [InlineData("CC-MAIN-1.warc.wet.gz", true)]
    [InlineData("a/b/crawl.arc.gz", true)]
    [InlineData("c.arc", true)]
    [InlineData("d.wet", true)]
    [InlineData("good.warc.gz.open", true)]
    [InlineData("example-bad.warc.gz.bad", true)]
    [InlineData("sample.warc.txt", true)]
    [InlineData("data.jsonl", false)]
    [InlineData("x.parquet", false)]
    [InlineData("x.gz", false)]
    [InlineData(".warc", false)]
    public void CanRead_ByExtension(string path, bool expected) => Assert.Equal(expected, WarcDocumentSource.CanRead(path));

    internal static byte[] HttpResponse(string status, string[] headers, byte[] body)
    {
        string head = $"HTTP/1.1 {status}\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "\r\n";
        return WarcRecordBytes("response", [.. Encoding.ASCII.GetBytes(head), .. body]);
    }

    internal static byte[] WarcRecordBytes(string type, byte[] payload)
    {
        string header = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            + "WARC-Target-URI: http://example.test/\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            + $"Content-Length: {payload.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. payload, .. "\r\n\r\n"u8];
    }

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static async Task<RawDocument> SingleDocumentAsync(byte[] warc)
    {
        SourceItem item = Assert.Single(await ReadAllAsync(warc));
        Assert.Null(item.Rejection);
        return item.Document!;
    }

    private static Task<List<SourceItem>> ReadAllAsync(byte[] warc) => ReadAllAsync(new MemoryStorage("crafted.warc", warc), "crafted.warc");

    private static async Task<List<SourceItem>> ReadAllAsync(IStorage storage, string path)
    {
        var items = new List<SourceItem>();
        await foreach (SourceItem item in new WarcDocumentSource(new WarcReaderOptions()).ReadAsync(storage, path, TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        return items;
    }
}
