using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CurationPipeline.Dedup;
using CurationPipeline.Storage;

namespace CurationPipeline.Benchmarks;

/// <summary>Dedup throughput: signatures per core on real text, and the global step on synthetic signatures with its peak memory.</summary>
/// <remarks>
/// Usage: <c>dedup [signatures|cluster|all] [--docs N] [--files F] [--seconds S]</c>. Defaults: all, 1,000,000 documents in 20 files, 3 s.
/// Signature throughput runs single-threaded over the scrapinghub ground-truth articles (MB = UTF-8 bytes of input text).
/// The clustering run writes synthetic signature files (≈5% exact and ≈10% near duplicates), resets the peak RSS
/// (<c>/proc/self/clear_refs</c>), then runs <see cref="GlobalDedup.RunLocalAsync"/> and reports time and VmHWM.
/// </remarks>
internal sealed class DedupBenchmark : IBenchmark
{
    public string Name => "dedup";

    public string Description => "MinHash signatures MB/s per core; global dedup step on N synthetic signatures with peak RSS";

    public async Task<int> RunAsync(string[] args)
    {
        string mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        int docs = BenchmarkArgs.Int(args, "--docs", 1_000_000);
        int files = BenchmarkArgs.Int(args, "--files", 20);
        int seconds = BenchmarkArgs.Int(args, "--seconds", 3);
        if (mode is not ("signatures" or "cluster" or "all"))
        {
            Console.Error.WriteLine("usage: dedup [signatures|cluster|all] [--docs N] [--files F] [--seconds S]");
            return 2;
        }

        if (mode is "signatures" or "all")
        {
            MeasureSignatures(seconds);
        }

        if (mode is "cluster" or "all")
        {
            await MeasureClusteringAsync(docs, files).ConfigureAwait(false);
        }

        return 0;
    }

    private static void MeasureSignatures(int seconds)
    {
        string[] texts = LoadArticles();
        long bytesPerRound = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"signatures: {texts.Length} articles, {bytesPerRound / 1e6:F2} MB per round, vectorized={MinHasher.IsVectorized}");
        var signer = new DocumentSigner(new MinHashOptions());
        var hasher = new MinHasher(new MinHashOptions());
        var nemo = new MinHasher(new MinHashOptions { ShingleKind = ShingleKind.Char, ShingleSize = 24, Bands = 20, Rows = 13 });
        Report("DocumentSigner.Sign (normalize + exact + 14x8 + bands)", seconds, bytesPerRound, texts, t => signer.Sign("id", 0, t));
        var signature = new ulong[nemo.HashCount];
        Report("MinHasher word-5 14x8, vector", seconds, bytesPerRound, texts, t => hasher.ComputeSignature(t, signature, vectorized: true));
        Report("MinHasher word-5 14x8, scalar", seconds, bytesPerRound, texts, t => hasher.ComputeSignature(t, signature, vectorized: false));
        Report("MinHasher char-24 20x13 (NeMo), vector", seconds, bytesPerRound, texts, t => nemo.ComputeSignature(t, signature, vectorized: true));
        Report("TextNormalizer.Normalize only", seconds, bytesPerRound, texts, t => TextNormalizer.Normalize(t));
    }

    internal static void Report(string label, int seconds, long bytesPerRound, string[] texts, Action<string> work)
    {
        foreach (string t in texts)
        {
            work(t); // warm up (tiered JIT)
        }

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long rounds = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (string t in texts)
            {
                work(t);
            }

            rounds++;
        }

        double mbPerSecond = rounds * bytesPerRound / 1e6 / watch.Elapsed.TotalSeconds;
        long allocatedPerDoc = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (rounds * texts.Length);
        Console.WriteLine($"  {label,-55} {mbPerSecond,8:F1} MB/s per core, {allocatedPerDoc,6} B allocated per document");
    }

    private static async Task MeasureClusteringAsync(int docs, int files)
    {
        string dir = Path.Combine(Path.GetTempPath(), "curate-bench-dedup", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var watch = Stopwatch.StartNew();
            List<string> paths = await WriteSyntheticAsync(dir, docs, files).ConfigureAwait(false);
            long bytes = paths.Sum(p => new FileInfo(p).Length);
            Console.WriteLine($"cluster: wrote {docs:N0} synthetic signatures in {files} files ({bytes / 1e6:F0} MB) in {watch.Elapsed.TotalSeconds:F1} s");

            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
            long hwmBefore = ReadStatusKiB("VmHWM");
            var options = new DedupClusterOptions();
            watch.Restart();
            DedupStats stats = await GlobalDedup.RunLocalAsync(LocalStorage.Instance, paths, Path.Combine(dir, "work"), Path.Combine(dir, "drops.bin"),
                options, CancellationToken.None).ConfigureAwait(false);
            double elapsed = watch.Elapsed.TotalSeconds;
            long hwm = ReadStatusKiB("VmHWM");
            Console.WriteLine($"  global step: {elapsed:F1} s with {options.MaxDegreeOfParallelism} band tasks on {Environment.ProcessorCount} cores, " +
                $"{docs / elapsed / 1e6:F2} M docs/s");
            Console.WriteLine($"  peak RSS (VmHWM) {hwm / 1024.0:F0} MiB (RSS before the step {hwmBefore / 1024.0:F0} MiB)");
            Console.WriteLine($"  pairs {stats.CandidatePairs:N0}, clusters {stats.Clusters:N0}, dropped exact {stats.DroppedExact:N0}, dropped near {stats.DroppedNear:N0}");
            Console.WriteLine($"  cluster sizes: {string.Join(", ", stats.ClusterSizes.Take(8).Select(kv => $"{kv.Key}:{kv.Value}"))}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Random band hashes; ≈5% of documents copy an earlier one exactly, ≈10% copy each band of an earlier one with probability 1/2.</summary>
    private static async Task<List<string>> WriteSyntheticAsync(string dir, int docs, int files)
    {
        var options = new MinHashOptions();
        var random = new Random(12345);
        var sketch = ImmutableCollectionsMarshal.AsImmutableArray(new uint[options.HashCount]);
        var recent = new DocumentSignature[4096];
        var paths = new List<string>();
        int perFile = (docs + files - 1) / files;
        for (int f = 0, doc = 0; f < files; f++)
        {
            var writer = new SignatureFileWriter(options, f, includeSketches: false);
            for (int i = 0; i < perFile && doc < docs; i++, doc++)
            {
                double roll = random.NextDouble();
                DocumentSignature? source = doc > 0 ? recent[random.Next(Math.Min(doc, recent.Length))] : null;
                var bands = new ulong[options.Bands];
                UInt128 exact = new((ulong)random.NextInt64(), (ulong)random.NextInt64());
                for (int b = 0; b < bands.Length; b++)
                {
                    bool copy = source is not null && (roll < 0.05 || (roll < 0.15 && random.Next(2) == 0));
                    bands[b] = copy ? source!.BandHashes[b] : (ulong)random.NextInt64();
                }

                var signature = new DocumentSignature
                {
                    Id = $"doc{doc:D9}",
                    Priority = (ushort)random.Next(3),
                    ExactHash = roll < 0.05 && source is not null ? source.ExactHash : exact,
                    BandHashes = ImmutableCollectionsMarshal.AsImmutableArray(bands),
                    Sketch = sketch,
                };
                recent[doc % recent.Length] = signature;
                writer.Add(signature);
            }

            string path = Path.Combine(dir, $"shard-{f:D5}{SignatureFileWriter.FileExtension}");
            await writer.WriteAsync(LocalStorage.Instance, path, CancellationToken.None).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }

    internal static long ReadStatusKiB(string key)
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(key.Length + 1).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{key} not found in /proc/self/status");
    }

    internal static string[] LoadArticles()
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(BenchmarkPaths.SharedData("extraction", "scrapinghub", "ground-truth.json")));
        return json.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString() ?? "").ToArray();
    }
}
