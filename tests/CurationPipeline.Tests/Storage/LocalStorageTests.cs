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

    [Fact]
    public async Task CreateAtomic_DiskFullWhileClosing_DeletesTheTemporaryFile()
    {
        string dir = TestData.NewTempDirectory();
        string path = Path.Combine(dir, "a.parquet");

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await using AtomicWrite write = LocalStorage.CreateAtomic(path, temporary => new DiskFullOnCloseStream(temporary));
            write.Stream.Write([1, 2, 3]);
            await write.CommitAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains("No space left", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir)); // no .tmp-… file survives the failure
    }

    [Fact]
    public async Task CreateAtomic_DiskFullWhileDiscarding_DisposeDeletesWithoutThrowing()
    {
        string dir = TestData.NewTempDirectory();
        AtomicWrite first = LocalStorage.CreateAtomic(Path.Combine(dir, "bucket-00000.bin"), temporary => new DiskFullOnCloseStream(temporary));
        AtomicWrite second = LocalStorage.CreateAtomic(Path.Combine(dir, "validation.bin"), temporary => new DiskFullOnCloseStream(temporary));
        first.Stream.Write([1, 2, 3]);
        second.Stream.Write([4, 5, 6]);

        // Callers discard several files in a loop after a failure; every one must go.
        await first.DisposeAsync();
        await second.DisposeAsync();

        Assert.Empty(Directory.GetFiles(dir));
    }

    /// <summary>A file whose buffered bytes cannot be written when it is flushed or closed, as on a full disk.</summary>
    private sealed class DiskFullOnCloseStream(string path) : FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16)
    {
        public override void Flush(bool flushToDisk) => throw Full();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.FromException(Full());

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                throw Full();
            }
        }

        private static IOException Full() => new("No space left on device");
    }
}
