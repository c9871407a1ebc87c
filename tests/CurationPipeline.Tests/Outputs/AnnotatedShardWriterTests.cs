using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Outputs;

public sealed class AnnotatedShardWriterTests
{
    [Fact]
    public async Task WriteAsync_ThenReadAnnotated_RoundTripsEveryField()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        AnnotatedDocument[] documents =
        [
            new()
            {
                Id = "<urn:uuid:1>", Url = "https://example.org/a", Text = "Body 東京 😀", Title = "Title", DeclaredLanguage = "ja",
                Date = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)), Charset = "utf-8", SourcePath = "cc/a.warc.gz",
                SourceOffset = 1L << 33,
            },
            new() { Id = "2", Text = "", SourcePath = "b.jsonl", SourceOffset = 3 },
        ];

        IReadOnlyList<string> paths;
        await using (var writer = new AnnotatedShardWriter(LocalStorage.Instance, dir))
        {
            foreach (AnnotatedDocument document in documents)
            {
                await writer.WriteAsync(document, ct);
            }

            paths = await writer.CompleteAsync(ct);
        }

        Assert.Equal([Path.Combine(dir, "annotated-00000.parquet")], paths);
        var read = new List<AnnotatedDocument>();
        await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, paths[0], ct))
        {
            read.Add(document);
        }

        Assert.Equal(documents, read);
        Assert.Equal(documents[0].Date!.Value.Offset, read[0].Date!.Value.Offset);
    }

    [Theory]
    [InlineData(3, 1L << 30, 4)]   // 10 documents, 3 rows per shard
    [InlineData(1000, 250, 5)]      // 10 documents of 100 bytes, 250 bytes per shard: 2 per shard
    public async Task WriteAsync_PastRowOrByteBound_Rotates(long maxRows, long maxBytes, int expectedShards)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        var options = new AnnotatedShardOptions { MaxRowsPerShard = maxRows, MaxTextBytesPerShard = maxBytes, RowGroupRows = 2 };

        IReadOnlyList<string> paths;
        await using (var writer = new AnnotatedShardWriter(LocalStorage.Instance, dir, options))
        {
            for (int i = 0; i < 10; i++)
            {
                await writer.WriteAsync(new AnnotatedDocument { Id = $"{i}", Text = new string('x', 100), SourcePath = "in" }, ct);
            }

            paths = await writer.CompleteAsync(ct);
        }

        Assert.Equal(expectedShards, paths.Count);
        var ids = new List<string>();
        foreach (string path in paths)
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, path, ct))
            {
                ids.Add(document.Id);
            }
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{i}"), ids);
    }

    [Fact]
    public void Constructor_SmallestSizeCompression_Throws()
    {
        var options = new AnnotatedShardOptions { Parquet = new() { Level = System.IO.Compression.CompressionLevel.SmallestSize } };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AnnotatedShardWriter(LocalStorage.Instance, TestData.NewTempDirectory(), options));

        Assert.Equal(nameof(ParquetOutputOptions.Level), ex.ParamName);
    }
}
