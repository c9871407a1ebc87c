using System.Diagnostics;
using System.Text;
using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Benchmarks;

/// <summary>Paragraph dedup: paragraph hashing per core on real text beside MinHash signing (the baseline, same run), and the decision step on synthetic hash files with its peak memory.</summary>
/// <remarks>
/// Usage: <c>paragraphs [--docs N] [--files F] [--seconds S]</c>. Defaults: 1,000,000 documents of 12 paragraphs in 20 files, 3 s.
/// A third of the synthetic paragraphs come from a pool of 1,000 boilerplate lines; the rest are unique.
/// </remarks>
internal sealed class ParagraphDedupBenchmark : IBenchmark
{
    private const int ParagraphsPerDocument = 12;

    public string Name => "paragraphs";

    public string Description => "paragraph hashing MB/s per core (vs MinHash signing); paragraph dedup's decision step on N documents with peak RSS";

    public async Task<int> RunAsync(string[] args)
    {
        int docs = BenchmarkArgs.Int(args, "--docs", 1_000_000);
        int files = BenchmarkArgs.Int(args, "--files", 20);
        int seconds = BenchmarkArgs.Int(args, "--seconds", 3);

        string[] texts = DedupBenchmark.LoadArticles();
        long bytesPerRound = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var signer = new DocumentSigner(new MinHashOptions());
        var hashes = new List<ulong>();
        Console.WriteLine($"hashing: {texts.Length} articles, {bytesPerRound / 1e6:F2} MB per round");
        DedupBenchmark.Report("DocumentSigner.Sign (baseline)", seconds, bytesPerRound, texts, t => signer.Sign("id", 0, t));
        DedupBenchmark.Report("ParagraphSplitter.Hash", seconds, bytesPerRound, texts, t =>
        {
            hashes.Clear();
            ParagraphSplitter.Hash(t, hashes);
        });

        string dir = Path.Combine(Path.GetTempPath(), "curate-bench-paragraphs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            List<string> paths = await WriteSyntheticAsync(dir, docs, files).ConfigureAwait(false);
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
            long before = DedupBenchmark.ReadStatusKiB("VmHWM");
            var options = new ParagraphDedupOptions { Enabled = true, ExpectedParagraphs = (long)docs * ParagraphsPerDocument };
            var watch = Stopwatch.StartNew();
            ParagraphDedupStats stats = await ParagraphDedup.RunAsync(LocalStorage.Instance, paths, new HashSet<UInt128>(), Path.Combine(dir, "removals.bin"),
                options, 1 << 16, CancellationToken.None).ConfigureAwait(false);
            double elapsed = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"decisions: {docs:N0} documents in {files} files, {elapsed:F1} s on one thread: {docs / elapsed / 1e6:F2} M docs/s, {stats.Paragraphs / elapsed / 1e6:F1} M paragraphs/s");
            Console.WriteLine($"  peak RSS (VmHWM) {DedupBenchmark.ReadStatusKiB("VmHWM") / 1024.0:F0} MiB (before {before / 1024.0:F0} MiB); Bloom filter {stats.BloomBits / 8 / 1e6:F1} MB, {stats.BloomHashes} hashes");
            Console.WriteLine($"  removed {stats.ParagraphsRemoved:N0} of {stats.Paragraphs:N0} paragraphs; {stats.DocumentsModified:N0} documents modified");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        return 0;
    }

    private static async Task<List<string>> WriteSyntheticAsync(string dir, int docs, int files)
    {
        var random = new Random(12345);
        var paths = new List<string>();
        int perFile = (docs + files - 1) / files;
        for (int f = 0, doc = 0; f < files; f++)
        {
            var documents = new List<ParagraphHashes>(perFile);
            for (int i = 0; i < perFile && doc < docs; i++, doc++)
            {
                var hashes = new ulong[ParagraphsPerDocument];
                for (int p = 0; p < hashes.Length; p++)
                {
                    hashes[p] = random.Next(3) == 0 ? (ulong)random.Next(1000) : (ulong)random.NextInt64();
                }

                documents.Add(new ParagraphHashes($"doc{doc:D9}", "synthetic.jsonl", doc, hashes));
            }

            string path = Path.Combine(dir, $"shard-{f:D5}{ParagraphDedup.HashFileExtension}");
            await ParagraphHashFile.WriteAsync(LocalStorage.Instance, path, documents, CancellationToken.None).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }
}
