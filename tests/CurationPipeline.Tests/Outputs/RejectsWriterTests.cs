using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Outputs;

public sealed class RejectsWriterTests
{
    [Fact]
    public async Task WriteAsync_ThenReadRejects_RoundTripsAcrossShards()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        Rejection[] rejections =
        [
            new("a", "https://x", "read", "warc.truncated", IsError: true, "offset 12"),
            new(null, null, "read", "jsonl.malformed", IsError: true),
            new("c", null, "filter", "gopher.short_doc", IsError: false, null),
        ];

        IReadOnlyList<string> paths;
        await using (var writer = new RejectsWriter(LocalStorage.Instance, dir, new RejectsWriterOptions { Prefix = "r", MaxRowsPerShard = 2 }))
        {
            foreach (Rejection rejection in rejections)
            {
                await writer.WriteAsync(rejection, ct);
            }

            Assert.Equal(3, writer.RowsWritten);
            paths = await writer.CompleteAsync(ct);
        }

        Assert.Equal([Path.Combine(dir, "r-00000.parquet"), Path.Combine(dir, "r-00001.parquet")], paths);
        var read = new List<Rejection>();
        foreach (string path in paths)
        {
            await foreach (Rejection rejection in ShardReader.ReadRejectsAsync(LocalStorage.Instance, path, ct))
            {
                read.Add(rejection);
            }
        }

        Assert.Equal(rejections, read);
    }

    [Fact]
    public async Task WriteAsync_AfterComplete_ThrowsObjectDisposed()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using var writer = new RejectsWriter(LocalStorage.Instance, TestData.NewTempDirectory());
        await writer.CompleteAsync(ct);

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await writer.WriteAsync(new Rejection(null, null, "s", "r", false), ct));
    }
}
