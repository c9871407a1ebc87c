using System.Diagnostics;
using CurationPipeline.Documents;
using CurationPipeline.Storage;
using CurationPipeline.Storage.Azure;
using CurationPipeline.Warc;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// Blob storage against local disk, measured in one invocation: a WARC of about 100 MB (the shared WARC files repeated) read raw
/// and through the WARC source, and shards of the same bytes written and committed, on local disk and on Azurite (the pinned
/// emulator of tests/azurite on 127.0.0.1, data on the same disk), or on the account of <c>AZURE_STORAGE_CONNECTION_STRING</c>
/// when it is set. Best of three passes each.
/// </summary>
internal sealed class BlobStorageBenchmark : IBenchmark
{
    public string Name => "blob-storage";

    public string Description => "az:// vs local disk: raw and WARC read throughput of a ~100 MB WARC, shard upload throughput ([MB], default 100)";

    public async Task<int> RunAsync(string[] args)
    {
        int megabytes = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
        string work = Path.Combine(Path.GetTempPath(), "curate-bench-blob-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        string? connectionString = Environment.GetEnvironmentVariable(AzureCredentials.ConnectionStringVariable);
        using AzuriteServer? azurite = connectionString is null ? await AzuriteServer.StartAsync() : null;
        connectionString ??= azurite!.ConnectionString;
        var blob = new AzureBlobStorage(new AzureCredentials(v => v == AzureCredentials.ConnectionStringVariable ? connectionString : null));
        IStorage storage = new RoutingStorage(work, blob);
        string container = "bench-" + Guid.NewGuid().ToString("N");
        await new Azure.Storage.Blobs.BlobServiceClient(connectionString).CreateBlobContainerAsync(container);
        try
        {
            byte[] corpus = Corpus(megabytes);
            string local = Path.Combine(work, "corpus.warc.gz");
            string remote = $"az://{container}/crawl/corpus.warc.gz";
            await WriteAsync(storage, local, corpus);
            await WriteAsync(storage, remote, corpus);
            Console.WriteLine($"corpus: {corpus.Length / 1e6:F1} MB gzip WARC; blob side: {(azurite is null ? "AZURE_STORAGE_CONNECTION_STRING" : "Azurite 3.37.0 on 127.0.0.1")}");
            Console.WriteLine($"{"measure",-26} {"local MB/s",11} {"az:// MB/s",11} {"az/local",9}");

            await CompareAsync("read raw (sequential)", corpus.Length, () => ReadRawAsync(storage, local), () => ReadRawAsync(storage, remote));
            long items = await ReadWarcAsync(storage, local);
            await CompareAsync($"read WARC ({items} items)", corpus.Length, () => ReadWarcAsync(storage, local), () => ReadWarcAsync(storage, remote));
            int shard = 0;
            await CompareAsync("write shard + commit", corpus.Length,
                () => WriteAsync(storage, Path.Combine(work, "out", $"tag-00000-{shard++:D5}.parquet"), corpus),
                () => WriteAsync(storage, $"az://{container}/out/tag-00000-{shard++:D5}.parquet", corpus));
            if (blob.Stats.Retries > 0)
            {
                Console.WriteLine($"note: {blob.Stats.Retries} retries during the run");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            if (azurite is null)
            {
                await new Azure.Storage.Blobs.BlobServiceClient(connectionString).DeleteBlobContainerAsync(container);
            }
        }
    }

    /// <summary>Whole copies of the shared WARC files, enough for at least <paramref name="megabytes"/> MB.</summary>
    private static byte[] Corpus(int megabytes)
    {
        long one = WarcReadBenchmark.Corpus(1).Length;
        return WarcReadBenchmark.Corpus((int)((megabytes * 1_000_000L + one - 1) / one));
    }

    private static async Task CompareAsync(string measure, long bytes, Func<Task> local, Func<Task> remote)
    {
        double localSeconds = await BestOfThreeAsync(local);
        double remoteSeconds = await BestOfThreeAsync(remote);
        Console.WriteLine($"{measure,-26} {bytes / 1e6 / localSeconds,11:F0} {bytes / 1e6 / remoteSeconds,11:F0} {localSeconds / remoteSeconds,9:F2}");
    }

    private static async Task<double> BestOfThreeAsync(Func<Task> run)
    {
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static async Task ReadRawAsync(IStorage storage, string path)
    {
        await using Stream stream = storage.OpenRead(path);
        await stream.CopyToAsync(Stream.Null, 1 << 20);
    }

    private static async Task<long> ReadWarcAsync(IStorage storage, string path)
    {
        long items = 0;
        await foreach (SourceItem _ in new WarcDocumentSource(new WarcReaderOptions()).ReadAsync(storage, path, CancellationToken.None))
        {
            items++;
        }

        return items;
    }

    /// <summary>Writes as a shard writer does, 1 MiB at a time, and commits.</summary>
    private static async Task WriteAsync(IStorage storage, string path, byte[] bytes)
    {
        await using AtomicWrite write = storage.CreateAtomic(path);
        for (int offset = 0; offset < bytes.Length; offset += 1 << 20)
        {
            await write.Stream.WriteAsync(bytes.AsMemory(offset, Math.Min(1 << 20, bytes.Length - offset)));
        }

        await write.CommitAsync();
    }
}
