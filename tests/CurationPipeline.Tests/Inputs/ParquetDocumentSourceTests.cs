using System.Text.Json.Serialization;
using CurationPipeline.Documents;
using CurationPipeline.Inputs;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using Parquet.Serialization;

namespace CurationPipeline.Tests.Inputs;

public sealed class ParquetDocumentSourceTests
{
    [Fact]
    public async Task ReadAsync_AnnotatedShard_RoundTripsDocuments()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        AnnotatedDocument[] written =
        [
            new() { Id = "a", Url = "https://a/", Text = "first 東京 😀", Date = new DateTimeOffset(2023, 3, 4, 5, 6, 7, TimeSpan.Zero), SourcePath = "x" },
            new() { Id = "b", Text = "  ", SourcePath = "x" },
            new() { Id = "c", Text = "third", SourcePath = "x" },
        ];
        IReadOnlyList<string> paths;
        await using (var writer = new AnnotatedShardWriter(LocalStorage.Instance, dir, new AnnotatedShardOptions { RowGroupRows = 2 }))
        {
            foreach (AnnotatedDocument document in written)
            {
                await writer.WriteAsync(document, ct);
            }

            paths = await writer.CompleteAsync(ct);
        }

        List<SourceItem> items = await SourceItems.ReadAllAsync(new ParquetDocumentSource(), paths[0]);

        Assert.Equal(["doc a", "input.empty_text b", "doc c"], items.Select(SourceItems.Describe));
        RawDocument first = items[0].Document!;
        Assert.Equal(("https://a/", "first 東京 😀", written[0].Date, ContentKind.Text, 0L), (first.Url, first.Content.ToString(), first.Date, first.Kind, first.SourceOffset));
        Assert.Equal(2, items[2].Document!.SourceOffset);
    }

    [Fact]
    public async Task ReadAsync_IntegerIdsAndNullText_DerivesAndRejects()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "ints.parquet");
        IntIdRow[] rows = [new() { Id = 7, Text = "seven" }, new() { Id = null, Text = "no id" }, new() { Id = 9, Text = null }];
        await ParquetSerializer.SerializeAsync(rows, path, cancellationToken: TestContext.Current.CancellationToken);

        List<SourceItem> items = await SourceItems.ReadAllAsync(new ParquetDocumentSource(), path);

        Assert.Equal(["doc 7", "doc ints.parquet:2", "input.missing_text 9"], items.Select(SourceItems.Describe));
        Assert.True(items[2].Rejection!.IsError);
    }

    [Fact]
    public async Task ReadAsync_NoTextColumn_OneMissingColumnRejection()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "notext.parquet");
        await ParquetSerializer.SerializeAsync(new[] { new NoTextRow { Body = "x" } }, path, cancellationToken: TestContext.Current.CancellationToken);

        List<SourceItem> items = await SourceItems.ReadAllAsync(new ParquetDocumentSource(), path);

        Assert.Equal([InputReasons.ParquetMissingColumn], items.Select(i => i.Rejection!.Reason));
    }

    [Fact]
    public async Task ReadAsync_NotParquet_OneMalformedRejection()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "fake.parquet");
        await File.WriteAllTextAsync(path, "PAR1 but not really", TestContext.Current.CancellationToken);

        List<SourceItem> items = await SourceItems.ReadAllAsync(new ParquetDocumentSource(), path);

        Rejection rejection = Assert.Single(items).Rejection!;
        Assert.Equal((InputReasons.ParquetMalformed, true), (rejection.Reason, rejection.IsError));
    }

    [Theory]
    [InlineData("a.parquet", true)]
    [InlineData("a.PARQUET", true)]
    [InlineData("a.jsonl", false)]
    public void CanRead_ByExtension(string path, bool expected) => Assert.Equal(expected, ParquetDocumentSource.CanRead(path));

    private sealed class IntIdRow
    {
        [JsonPropertyName("id")]
        public long? Id { get; set; }

        [JsonPropertyName("text")]
        public string? Text { get; set; }
    }

    private sealed class NoTextRow
    {
        [JsonPropertyName("body")]
        public string? Body { get; set; }
    }
}
