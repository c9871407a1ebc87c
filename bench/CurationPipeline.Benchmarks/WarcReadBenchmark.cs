using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CurationPipeline.Documents;
using CurationPipeline.Storage;
using CurationPipeline.Warc;
using CurationPipeline.Warc.Http;
using CurationPipeline.Warc.Internal;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// Single-thread read throughput over the shared per-record-gzip WARC files, concatenated and repeated in memory:
/// gzip inflate alone (the floor: GZipStream, and the reader's own member-by-member native zlib decoder), framing only, framing
/// plus HTTP bodies decoded to bytes (the work warcio.js does), framing plus every response body made a fresh string (UTF-8, nothing
/// else: what a reader that yields strings pays), and framing plus HTTP decoding, charset resolution and text decoding into pooled
/// chars (what a pipeline reads). FastWARC publishes about 10.4k records/s for comparable gzip WARCs.
/// </summary>
internal sealed class WarcReadBenchmark : IBenchmark
{
    /// <summary>The shared WARC files the corpus is made of (fixture-relative).</summary>
    internal static readonly string[] Files =
    [
        "cc/whirlwind-python/whirlwind.warc.gz",
        "cc/jwarc/cc.warc.gz",
        "cc/cdx_toolkit/CC-MAIN-20250804083340-20250804113340-00340.rec.warc.gz",
        "other-real/dolma/sample-0000.warc.gz",
        "other-real/dolma/sample-0001.warc.gz",
        "other-real/ia-web-commons/IAH-urls-wget.warc.gz",
        "other-real/node-warc/parseMe.warc.gz",
        "other-real/resiliparse/clueweb-quirk.warc.gz",
        "other-real/warcio/example.warc.gz",
    ];

    /// <summary><see cref="Files"/> read once and concatenated <paramref name="copies"/> times: a gzip WARC of real records.</summary>
    internal static byte[] Corpus(int copies)
    {
        string root = BenchmarkPaths.SharedData("warc");
        byte[][] files = [.. Files.Select(file => File.ReadAllBytes(Path.Combine(root, file)))];
        var corpus = new MemoryStream();
        for (int i = 0; i < copies; i++)
        {
            foreach (byte[] file in files)
            {
                corpus.Write(file);
            }
        }

        return corpus.ToArray();
    }

    public string Name => "warc-read";

    public string Description => "WARC read throughput (records/s, one thread): inflate only, framing, framing + body strings, framing + HTTP/charset decoding";

    public async Task<int> RunAsync(string[] args)
    {
        int copies = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 40;
        byte[] bytes = Corpus(copies);
        var options = new WarcReaderOptions();
        Console.WriteLine($"corpus: {Files.Length} files x {copies} = {bytes.Length / 1e6:F1} MB gzip, one thread");
        Console.WriteLine($"{"mode",-24} {"records",9} {"seconds",8} {"records/s",10} {"MB/s gz",8} {"alloc B/rec",12} {"GCs g0/g2",10} {"CPU s",6}");

        long records = FramingOnly(bytes, options);
        await Measure("inflate only (GZip)", bytes, () =>
        {
            InflateOnly(bytes);
            return Task.FromResult(records); // "records" is the framing pass's count, for the same scale
        });
        await Measure("inflate per member", bytes, () => Task.FromResult(InflateMembersOnly(bytes, records)));
        await Measure("framing only", bytes, () => Task.FromResult(FramingOnly(bytes, options)));
        await Measure("framing + HTTP bodies", bytes, () => Task.FromResult(FramingAndHttpBodies(bytes)));
        await Measure("framing + UTF-8 strings", bytes, () => Task.FromResult(FramingAndStrings(bytes, options)));
        await Measure("framing + HTTP/charset", bytes, () => FullDecodeAsync(bytes, options));
        return 0;
    }

    /// <remarks>Besides the best wall time, prints the best process CPU time of a pass (GC and JIT threads included): on a shared
    /// machine it moves far less with the load than wall time does.</remarks>
    private static async Task Measure(string mode, byte[] bytes, Func<Task<long>> run)
    {
        await run(); // warm-up (JIT, pools)
        GC.Collect(); // the previous mode's garbage is not this mode's cost
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        double best = double.MaxValue;
        double bestCpu = double.MaxValue;
        long records = 0;
        long allocated = 0;
        int gen0 = GC.CollectionCount(0);
        int gen2 = GC.CollectionCount(2);
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            records = await run();
            watch.Stop();
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        string gcs = $"{(GC.CollectionCount(0) - gen0) / 3.0:F0}/{(GC.CollectionCount(2) - gen2) / 3.0:F0}"; // per pass
        Console.WriteLine($"{mode,-24} {records,9} {best,8:F3} {records / best,10:F0} {bytes.Length / 1e6 / best,8:F1} {allocated / Math.Max(1, records),12:N0} {gcs,10} {bestCpu,6:F3}");
    }

    /// <summary>The decompression floor: inflates every member; returns the decompressed length.</summary>
    internal static long InflateOnly(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        byte[] buffer = new byte[64 * 1024];
        long length = 0;
        for (int read; (read = gzip.Read(buffer)) > 0;)
        {
            length += read;
        }

        return length;
    }

    /// <summary>The member-by-member native zlib decoder the reader uses (runtime zlib-ng, else libz), without framing; returns
    /// <paramref name="records"/>, for the same scale.</summary>
    internal static long InflateMembersOnly(byte[] bytes, long records)
    {
        using DecodedInput input = DecodedInput.Open(new MemoryStream(bytes), leaveOpen: false);
        byte[] buffer = new byte[64 * 1024];
        while (input.Read(buffer) > 0)
        {
        }

        return records;
    }

    /// <summary>Frames every record (no HTTP or charset work); returns the record count.</summary>
    internal static long FramingOnly(byte[] bytes, WarcReaderOptions options)
    {
        long records = 0;
        using var reader = new WarcReader(new MemoryStream(bytes), options);
        while (reader.MoveNext())
        {
            records++;
        }

        return records;
    }

    /// <summary>
    /// The work warcio.js does in the suite: every record framed, and each response's HTTP head parsed and its body de-chunked and
    /// decompressed to bytes, with no charset work or text (request records' HTTP heads, which warcio.js also parses, are skipped:
    /// the reader exposes only document payloads); returns the record count.
    /// </summary>
    internal static long FramingAndHttpBodies(byte[] bytes)
    {
        var options = new WarcReaderOptions { DocumentRecordTypes = WarcRecordType.Response | WarcRecordType.Resource | WarcRecordType.Conversion };
        long records = 0;
        using var reader = new WarcReader(new MemoryStream(bytes), options);
        while (reader.MoveNext())
        {
            records++;
            WarcRecord record = reader.Current;
            if (record.HasPayload && record.Type == WarcRecordType.Response && HttpResponseHead.TryParse(record.Payload.Span) is { } head)
            {
                HttpBodyDecoder.TryDecode(head.Headers, record.Payload[head.BodyOffset..], options.MaxDecodedBodyBytes, out _, out PooledBuffer? decoded);
                decoded?.Dispose();
            }
        }

        return records;
    }

    /// <summary>Frames every record and makes each response body (after its HTTP head) a UTF-8 string, with no HTTP decoding or
    /// charset work: the cost of producing text at all; returns the record count.</summary>
    private static long FramingAndStrings(byte[] bytes, WarcReaderOptions options)
    {
        long records = 0;
        using var reader = new WarcReader(new MemoryStream(bytes), options);
        while (reader.MoveNext())
        {
            records++;
            WarcRecord record = reader.Current;
            if (record.HasPayload && HttpResponseHead.TryParse(record.Payload.Span) is { } head)
            {
                _ = Encoding.UTF8.GetString(record.Payload.Span[head.BodyOffset..]);
            }
        }

        return records;
    }

    /// <summary>What a pipeline reads: every record framed, HTTP parsed, the body decoded to text; returns the items produced.
    /// Each document's text is released as extraction releases it once done (its pooled chars go back for the next page).</summary>
    internal static async Task<long> FullDecodeAsync(byte[] bytes, WarcReaderOptions options)
    {
        long items = 0;
        var source = new WarcDocumentSource(options);
        await foreach (SourceItem item in source.ReadAsync(new BytesStorage(bytes), "corpus.warc.gz", CancellationToken.None))
        {
            items += item.Document is not null || item.Rejection is not null ? 1 : 0;
            item.Document?.Content.Dispose();
        }

        return items;
    }

    /// <summary>Serves the in-memory corpus as the one file the source reads.</summary>
    private sealed class BytesStorage(byte[] bytes) : IStorage
    {
        public Stream OpenRead(string path) => new MemoryStream(bytes, writable: false);

        public AtomicWrite CreateAtomic(string path) => throw new NotSupportedException();

        public IReadOnlyList<string> List(string pattern) => throw new NotSupportedException();

        public bool Exists(string path) => true;

        public long Length(string path) => bytes.Length;

        public void Delete(string path) => throw new NotSupportedException();

        public void DeleteEmptyDirectory(string path) => throw new NotSupportedException();

        public string Combine(params string[] parts) => string.Join('/', parts);
    }
}
