using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CurationPipeline.Extraction;

namespace CurationPipeline.Benchmarks;

/// <summary>Single-thread extraction throughput over the Scrapinghub pages (pages decoded into memory first).</summary>
internal sealed class ExtractionThroughputBenchmark : IBenchmark
{
    private const int DefaultRounds = 5;

    public string Name => "extraction";

    public string Description => "MainContentExtractor docs/s and MB/s, one thread, over extraction/scrapinghub/html [DIR] [ROUNDS]";

    public async Task<int> RunAsync(string[] args)
    {
        string dir = args.Length > 0 ? args[0] : BenchmarkPaths.SharedData("extraction", "scrapinghub", "html");
        int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : DefaultRounds;
        var pages = new List<string>();
        long utf8Bytes = 0;
        foreach (string file in Directory.EnumerateFiles(dir, "*.html.gz").Order(StringComparer.Ordinal))
        {
            await using FileStream stream = File.OpenRead(file);
            await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            string html = await reader.ReadToEndAsync();
            pages.Add(html);
            utf8Bytes += Encoding.UTF8.GetByteCount(html);
        }

        var extractor = new MainContentExtractor(new ExtractionOptions());
        foreach (string page in pages)
        {
            extractor.Extract(page); // warm-up: JIT and tiering
        }

        Console.WriteLine($"{pages.Count} pages, {utf8Bytes / 1e6:F1} MB of HTML (UTF-8), {rounds} rounds");
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        int failed = 0;
        for (int round = 0; round < rounds; round++)
        {
            foreach (string page in pages)
            {
                failed += extractor.Extract(page).Succeeded ? 0 : 1;
            }
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        int documents = pages.Count * rounds;
        Console.WriteLine($"extraction: {documents / seconds:F1} docs/s, {utf8Bytes * rounds / 1e6 / seconds:F1} MB/s, " +
            $"{allocated / documents / 1024.0:F0} KiB allocated/doc, {failed} failed");
        return 0;
    }
}
