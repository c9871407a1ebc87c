using System.IO.Compression;
using System.Text;
using CurationPipeline.Documents;
using CurationPipeline.Inputs;

namespace CurationPipeline.Tests.Inputs;

public sealed class JsonLinesDocumentSourceTests
{
    private static readonly string[] s_lines =
    [
        """{"id":"a","url":"https://a.example/","text":"hello 東京 😀","date":"2024-01-02T03:04:05Z","meta":{"x":[1,2]}}""",
        """{"id": 12345678901234567890, "text": "numeric id"}""",
        """{"text": "no id"}""",
        "   ",
        """{"id": "b"}""",
        """{"id": "c", "text": " \n "}""",
        """{"id": "d", "text": "unterminated""",
        "[1, 2]",
        """{"id": {"nested": 1}, "text": "bad id"}""",
        """{"id": "e", "text": "x"} trailing""",
        """{"id": "f", "text": 42}""",
        """{"id": "g", "text": "bad date", "date": "not a date", "url": 5}""",
    ];

    private static readonly string[] s_expected =
    [
        "doc a", "doc 12345678901234567890", "doc in.jsonl:3", "input.missing_text b", "input.empty_text c", "jsonl.malformed in.jsonl:7",
        "jsonl.malformed in.jsonl:8", "input.invalid_id ", "jsonl.malformed in.jsonl:10", "input.missing_text f", "doc g",
        "doc last",
    ];

    [Fact]
    public async Task ReadAsync_GoodAndBadLines_OneItemPerRecordWithReasons()
    {
        string path = WriteInput("in.jsonl", gzip: false);

        List<SourceItem> items = await SourceItems.ReadAllAsync(new JsonLinesDocumentSource(), path);

        Assert.Equal(s_expected, items.Select(SourceItems.Describe));
        RawDocument first = items[0].Document!;
        Assert.Equal(("https://a.example/", "hello 東京 😀", ContentKind.Text, path, 0L),
            (first.Url, first.Content.ToString(), first.Kind, first.SourcePath, first.SourceOffset));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), first.Date);
        RawDocument g = items[10].Document!;
        Assert.Null(g.Date);
        Assert.Null(g.Url);
        Assert.Equal(12, items[^1].Document!.SourceOffset);
        Assert.All(items.Where(i => i.Rejection is not null), i => Assert.Equal(InputReasons.Stage, i.Rejection!.Stage));
        Assert.False(items[4].Rejection!.IsError);
        Assert.All(items.Where(i => i.Rejection is { Reason: not InputReasons.EmptyText }), i => Assert.True(i.Rejection!.IsError));
    }

    [Fact]
    public async Task ReadAsync_Gzip_ReadsSameItemsAsPlain()
    {
        string path = WriteInput("in.jsonl", gzip: true);

        List<SourceItem> items = await SourceItems.ReadAllAsync(new JsonLinesDocumentSource(), path + ".gz");

        Assert.Equal(s_expected.Select(e => e.Replace("in.jsonl:", "in.jsonl.gz:")), items.Select(SourceItems.Describe));
    }

    [Fact]
    public async Task ReadAsync_TruncatedGzip_KeepsEarlierLinesThenReportsDecompressFailed()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            text.Append($$"""{"id":"{{i}}","text":"document number {{i}} {{Guid.NewGuid()}}"}""").Append('\n');
        }

        string path = Path.Combine(TestData.NewTempDirectory(), "cut.jsonl.gz");
        byte[] compressed = Gzip(Encoding.UTF8.GetBytes(text.ToString()));
        await File.WriteAllBytesAsync(path, compressed[..(compressed.Length * 2 / 3)], TestContext.Current.CancellationToken);

        List<SourceItem> items = await SourceItems.ReadAllAsync(new JsonLinesDocumentSource(), path);

        Assert.Equal(InputReasons.DecompressFailed, items[^1].Rejection?.Reason);
        Assert.True(items[^1].Rejection!.IsError);
        Assert.InRange(items.Count, 100, 1999);
        Assert.All(items[..^2], i => Assert.NotNull(i.Document)); // the line cut in half may be malformed; the rest are intact
    }

    [Fact]
    public async Task ReadAsync_LineOverLimit_SkipsItAndKeepsCounting()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "long.jsonl");
        string huge = new('x', 300_000); // spans several pipe reads
        string small = new('y', 1_100);   // over the limit within one read
        await File.WriteAllTextAsync(path,
            $$"""
            {"id":"1","text":"ok"}
            {"id":"2","text":"{{huge}}"}
            {"id":"3","text":"{{small}}"}
            {"id":"4","text":"ok again"}
            """,
            TestContext.Current.CancellationToken);

        List<SourceItem> items = await SourceItems.ReadAllAsync(new JsonLinesDocumentSource(new JsonLinesOptions { MaxLineBytes = 1_000 }), path);

        Assert.Equal(["doc 1", "jsonl.line_too_long long.jsonl:2", "jsonl.line_too_long long.jsonl:3", "doc 4"], items.Select(SourceItems.Describe));
        Assert.Equal(3, items[3].Document!.SourceOffset);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InText_IsMalformed()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "bad.jsonl");
        byte[] line = [.. """{"id":"u","text":"a"""u8, 0xC3, 0x28, .. "\"}\n"u8, .. """{"id":"v","text":"fine"}"""u8];
        await File.WriteAllBytesAsync(path, line, TestContext.Current.CancellationToken);

        List<SourceItem> items = await SourceItems.ReadAllAsync(new JsonLinesDocumentSource(), path);

        Assert.Equal(["jsonl.malformed bad.jsonl:1", "doc v"], items.Select(SourceItems.Describe));
    }

    [Theory]
    [InlineData("a.jsonl", true)]
    [InlineData("a.JSONL.GZ", true)]
    [InlineData("a.ndjson", true)]
    [InlineData("dir/a.json", true)]
    [InlineData("a.json.gz", true)]
    [InlineData("a.warc.gz", false)]
    [InlineData("a.parquet", false)]
    [InlineData("jsonl", false)]
    public void CanRead_ByExtension(string path, bool expected) => Assert.Equal(expected, JsonLinesDocumentSource.CanRead(path));

    private static string WriteInput(string name, bool gzip)
    {
        string path = Path.Combine(TestData.NewTempDirectory(), name);
        byte[] content = Encoding.UTF8.GetBytes(string.Join("\n", s_lines) + "\n" + """{"id":"last","text":"no newline at end"}""");
        File.WriteAllBytes(gzip ? path + ".gz" : path, gzip ? Gzip(content) : content);
        return path;
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
