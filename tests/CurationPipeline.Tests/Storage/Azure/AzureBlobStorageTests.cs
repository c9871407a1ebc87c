using System.Text;
using Azure.Storage.Blobs;
using CurationPipeline.Storage;
using CurationPipeline.Storage.Azure;

namespace CurationPipeline.Tests.Storage.Azure;

/// <summary><see cref="AzureBlobStorage"/> (through <see cref="RoutingStorage"/>) against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStorageTests(AzuriteFixture azurite)
{
    private static readonly AzureBlobStorageOptions s_smallBlocks = new() { BlockBytes = 64 << 10, ReadChunkBytes = 64 << 10 };

    [Fact]
    public async Task CreateAtomic_ManyBlocksWithHeaderRewritten_ReadsBackIdenticalWithSeeks()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        IStorage storage = azurite.Storage(s_smallBlocks);
        string path = $"az://{await azurite.NewContainerAsync()}/dir/big.bin";
        byte[] data = new byte[(64 << 10) * 5 + 12345];
        new Random(7).NextBytes(data);

        await using (AtomicWrite write = storage.CreateAtomic(path))
        {
            await write.Stream.WriteAsync(data.AsMemory(0, 100_000), ct);
            write.Stream.Write(data, 100_000, data.Length - 100_000); // the synchronous path too
            write.Stream.Position = 4;
            await write.Stream.WriteAsync(new byte[] { 1, 2, 3, 4 }, ct); // a header rewritten in the first block
            Assert.False(storage.Exists(path), "staged blocks are invisible before the commit");
            await write.CommitAsync(ct);
        }

        data[4] = 1;
        data[5] = 2;
        data[6] = 3;
        data[7] = 4;
        Assert.Equal(data.Length, storage.Length(path));
        await using Stream read = storage.OpenRead(path);
        byte[] back = new byte[data.Length];
        await read.ReadExactlyAsync(back, ct);
        Assert.Equal(data, back);
        read.Position = 200_000;
        byte[] middle = new byte[1000];
        read.ReadExactly(middle);
        Assert.Equal(data.AsSpan(200_000, 1000).ToArray(), middle);
        read.Seek(-5, SeekOrigin.End);
        Assert.Equal(5, await read.ReadAsync(new byte[10], ct));
    }

    [Fact]
    public async Task OpenRead_BlobReplacedWhileRead_FailsInsteadOfMixingVersions()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        IStorage storage = azurite.Storage(s_smallBlocks);
        string path = $"az://{await azurite.NewContainerAsync()}/in/a.bin";
        await WriteAsync(storage.CreateAtomic(path), new string('a', 300_000), ct);
        await using Stream read = storage.OpenRead(path);
        read.ReadExactly(new byte[10]);

        await WriteAsync(storage.CreateAtomic(path), new string('b', 300_000), ct);
        read.Position = 250_000;

        var e = await Assert.ThrowsAsync<IOException>(async () => await read.ReadExactlyAsync(new byte[10], ct));
        Assert.Contains("replaced while being read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAtomic_DisposedWithoutCommit_LeavesNothingVisible()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        IStorage storage = azurite.Storage(s_smallBlocks);
        string root = $"az://{await azurite.NewContainerAsync()}/out";
        await using (AtomicWrite write = storage.CreateAtomic(root + "/shard.parquet"))
        {
            await write.Stream.WriteAsync(new byte[200_000], ct);
        }

        Assert.False(storage.Exists(root + "/shard.parquet"));
        Assert.Empty(storage.List(root));
    }

    [Fact]
    public async Task CreateNew_Twice_SecondCommitFailsAndFirstContentStays()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        IStorage storage = azurite.Storage();
        string marker = $"az://{await azurite.NewContainerAsync()}/out/completions/tag-00000";
        await WriteAsync(storage.CreateNew(marker), "first", ct);

        var e = await Assert.ThrowsAsync<StorageFileExistsException>(() => WriteAsync(storage.CreateNew(marker), "second", ct));

        Assert.Equal(marker, e.Path);
        using var reader = new StreamReader(storage.OpenRead(marker));
        Assert.Equal("first", await reader.ReadToEndAsync(ct));
    }

    [Fact]
    public async Task List_FolderGlobAndBlob_LikeLocalStorage()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        IStorage storage = azurite.Storage();
        string container = await azurite.NewContainerAsync();
        string root = $"az://{container}/crawl";
        foreach (string name in (string[])["a.warc.gz", "b.jsonl", "sub/c.warc.gz", "sub/deeper/d.warc.gz"])
        {
            await WriteAsync(storage.CreateAtomic(storage.Combine(root, name)), name, ct);
        }

        Assert.Equal([root + "/a.warc.gz", root + "/b.jsonl", root + "/sub/c.warc.gz", root + "/sub/deeper/d.warc.gz"], storage.List(root));
        Assert.Equal([root + "/a.warc.gz"], storage.List(root + "/*.warc.gz"));
        Assert.Equal([root + "/a.warc.gz", root + "/sub/c.warc.gz", root + "/sub/deeper/d.warc.gz"], storage.List(root + "/**/*.warc.gz"));
        Assert.Equal([root + "/b.jsonl"], storage.List(root + "/b.jsonl"));
        Assert.Empty(storage.List(root + "/nothing*"));
        Assert.Equal(root + "/x/y", storage.Combine(root + "/", "/x/", "y"));
        string withAccount = $"az://{container}@devstoreaccount1.blob.core.windows.net/crawl";
        Assert.Equal([withAccount + "/sub/c.warc.gz"], storage.List(withAccount + "/sub/*.warc.gz"));
        using var reader = new StreamReader(storage.OpenRead($"abfs://{container}/crawl/sub/c.warc.gz"));
        Assert.Equal("sub/c.warc.gz", await reader.ReadToEndAsync(ct));
    }

    [Fact]
    public async Task AcquireLock_ExclusiveAndShared_RefuseEachOtherAndFreeOnRelease()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        IStorage storage = azurite.Storage();
        string lockPath = $"az://{await azurite.NewContainerAsync()}/out/.curate.lock";

        IAsyncDisposable exclusive = await storage.AcquireLockAsync(lockPath, StorageLockMode.Exclusive, "first run", ct);
        var refused = await Assert.ThrowsAsync<StorageLockedException>(() => storage.AcquireLockAsync(lockPath, StorageLockMode.Exclusive, "second run", ct).AsTask());
        Assert.Contains("first run", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StorageLockedException>(() => storage.AcquireLockAsync(lockPath, StorageLockMode.Shared, "a task", ct).AsTask());
        await exclusive.DisposeAsync();

        IAsyncDisposable task1 = await storage.AcquireLockAsync(lockPath, StorageLockMode.Shared, "task 1", ct);
        IAsyncDisposable task2 = await storage.AcquireLockAsync(lockPath, StorageLockMode.Shared, "task 2", ct);
        refused = await Assert.ThrowsAsync<StorageLockedException>(() => storage.AcquireLockAsync(lockPath, StorageLockMode.Exclusive, "whole run", ct).AsTask());
        Assert.Contains("task 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("task 2", refused.Message, StringComparison.Ordinal);
        await task1.DisposeAsync();
        await task2.DisposeAsync();

        await (await storage.AcquireLockAsync(lockPath, StorageLockMode.Exclusive, "whole run", ct)).DisposeAsync();
    }

    [Fact]
    public async Task Errors_WrongKeyAndMissingContainerAndBlob_NameContainerAndBlobInOneLine()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string container = await azurite.NewContainerAsync();
        IStorage storage = azurite.Storage();
        await WriteAsync(storage.CreateAtomic($"az://{container}/in/a.jsonl"), "{}", ct);
        string wrongKey = Convert.ToBase64String(new byte[64]);
        IStorage denied = new RoutingStorage(TestData.NewTempDirectory(),
            new AzureBlobStorage(AzuriteFixture.Credentials(azurite.ConnectionStringWithKey(wrongKey)), new AzureBlobStorageOptions { MaxRetries = 0 }));

        var forbidden = Assert.Throws<UnauthorizedAccessException>(() => denied.OpenRead($"az://{container}/in/a.jsonl"));
        var noContainer = Assert.Throws<DirectoryNotFoundException>(() => storage.List($"az://missing-{container}/in/*.jsonl"));
        var noBlob = Assert.Throws<FileNotFoundException>(() => storage.OpenRead($"az://{container}/in/b.jsonl"));

        Assert.Contains($"blob 'in/a.jsonl' in container '{container}'", forbidden.Message, StringComparison.Ordinal);
        Assert.Contains("403", forbidden.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, forbidden.Message, StringComparison.Ordinal);
        Assert.Contains($"container 'missing-{container}' does not exist", noContainer.Message, StringComparison.Ordinal);
        Assert.Contains($"blob 'in/b.jsonl' in container '{container}' does not exist", noBlob.Message, StringComparison.Ordinal);
        Assert.All([forbidden.Message, noContainer.Message, noBlob.Message], m => Assert.DoesNotContain('\n', m));
    }

    [Fact]
    public void Requests_ServiceUnreachable_RetriedCountedAndReportedAsIOException()
    {
        azurite.Require();
        var blob = new AzureBlobStorage(AzuriteFixture.Credentials(azurite.ConnectionString.Replace($":{azurite.Port}/", ":9/", StringComparison.Ordinal)),
            new AzureBlobStorageOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20) });

        var e = Assert.Throws<IOException>(() => blob.Exists("az://data/a.jsonl"));

        Assert.Contains("blob 'a.jsonl' in container 'data'", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, blob.Stats.Requests);
        Assert.Equal(2, blob.Stats.Retries);
    }

    private static async Task WriteAsync(AtomicWrite write, string text, CancellationToken ct)
    {
        await using (write)
        {
            await write.Stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
            await write.CommitAsync(ct);
        }
    }
}
