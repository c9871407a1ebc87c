using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Storage;

public sealed class LocalStorageTests
{
    [Fact]
    public async Task CreateAtomic_DisposedWithoutCommit_LeavesNoFile()
    {
        string dir = TestData.NewTempDirectory();
        string path = Path.Combine(dir, "a.bin");
        await using (var write = LocalStorage.Instance.CreateAtomic(path))
        {
            write.Stream.WriteByte(1);
        }

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public async Task CreateAtomic_Committed_PublishesUnderFinalName()
    {
        string dir = TestData.NewTempDirectory();
        string path = Path.Combine(dir, "sub", "a.bin");
        await using (var write = LocalStorage.Instance.CreateAtomic(path))
        {
            write.Stream.Write([1, 2, 3]);
            await write.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void List_GlobAndDirectory_ReturnsSortedMatches()
    {
        string dir = TestData.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "x"));
        File.WriteAllText(Path.Combine(dir, "b.warc.gz"), "");
        File.WriteAllText(Path.Combine(dir, "a.warc.gz"), "");
        File.WriteAllText(Path.Combine(dir, "x", "c.jsonl"), "");

        Assert.Equal(["a.warc.gz", "b.warc.gz"], LocalStorage.Instance.List(Path.Combine(dir, "*.warc.gz")).Select(Path.GetFileName));
        Assert.Equal(3, LocalStorage.Instance.List(dir).Count);
        Assert.Single(LocalStorage.Instance.List(Path.Combine(dir, "**", "*.jsonl")));
        Assert.Empty(LocalStorage.Instance.List(Path.Combine(dir, "none-*.gz")));
    }

    [Fact]
    public async Task AcquireLockAsync_ExclusiveAndShared_ExcludeEachOtherAndFreeOnRelease()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string path = Path.Combine(TestData.NewTempDirectory(), "sub", "x.lock");
        LocalStorage storage = LocalStorage.Instance;

        IAsyncDisposable exclusive = await storage.AcquireLockAsync(path, StorageLockMode.Exclusive, "writer A", ct);
        StorageLockedException refused = await Assert.ThrowsAsync<StorageLockedException>(async () => await storage.AcquireLockAsync(path, StorageLockMode.Exclusive, "writer B", ct));
        Assert.Equal(["writer A (pid " + Environment.ProcessId + " on " + Environment.MachineName], refused.Holders.Select(h => h[..h.IndexOf(',')]));
        await Assert.ThrowsAsync<StorageLockedException>(async () => await storage.AcquireLockAsync(path, StorageLockMode.Shared, "reader", ct));
        await exclusive.DisposeAsync();

        IAsyncDisposable first = await storage.AcquireLockAsync(path, StorageLockMode.Shared, "task 0", ct);
        IAsyncDisposable second = await storage.AcquireLockAsync(path, StorageLockMode.Shared, "task 1", ct);
        refused = await Assert.ThrowsAsync<StorageLockedException>(async () => await storage.AcquireLockAsync(path, StorageLockMode.Exclusive, "writer", ct));
        Assert.Equal(2, refused.Holders.Count);
        await first.DisposeAsync();
        await second.DisposeAsync();

        await using IAsyncDisposable again = await storage.AcquireLockAsync(path, StorageLockMode.Exclusive, "writer C", ct);
        Assert.True(File.Exists(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.holder"));
    }
}
