using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CurationPipeline.Documents;
using CurationPipeline.Extraction;
using CurationPipeline.Extraction.Evaluation;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using CurationPipeline.Warc;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// Each stage next to its peer, measured in this one invocation on the same input: tokenization vs tiktoken (npm, WASM) with
/// the ids compared, WARC reading vs warcio.js, extraction vs Readability.js (jsdom) and readability-lxml with each side's F1 on
/// the same benchmark (Scrapinghub; WCXB dev against readability-lxml), GPT training steps (TorchSharp) vs PyTorch eager on the same model shape. Prints one table. Peers come
/// from bench/peers and Debian packages (scripts/bench.sh installs them).
/// </summary>
/// <remarks>
/// Usage: <c>suite [tokenize] [warc-read] [extract] [extract-wcxb] [train-step] [--quick]</c> (no name: every stage). Both sides run one thread, best of N warm passes
/// after a cold one. Peak memory is the process's peak RSS (VmHWM) during the stage: ours is reset before each stage through
/// <c>/proc/self/clear_refs</c>; the peer's is its own process's (Node.js itself is ~40-50 MB of it).
/// </remarks>
internal sealed class PeerSuiteBenchmark : IBenchmark
{
    private static readonly string[] s_stages = ["tokenize", "warc-read", "extract", "extract-wcxb", "train-step"];

    /// <summary>Debian's interpreter, which has python3-readability; a python3 earlier on PATH (pyenv, a venv) may not.</summary>
    private const string DebianPython = "/usr/bin/python3";

    public string Name => "suite";

    public string Description => "every stage beside its peer in one run (tiktoken, warcio.js, Readability.js, readability-lxml, PyTorch): one table; [NAME...] [--quick]";

    public async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        string[] names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        string[] unknown = names.Except(s_stages).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"suite: unknown stage(s) {string.Join(", ", unknown)}; known: {string.Join(", ", s_stages)}");
            return 2;
        }

        string peers = Path.Combine(BenchmarkPaths.RepoRoot(), "bench", "peers");
        if (!Directory.Exists(Path.Combine(peers, "node_modules")))
        {
            Console.Error.WriteLine("suite: the peers are not installed: run scripts/bench.sh (or npm ci --prefix bench/peers)");
            return 2;
        }

        var rows = new List<Row>();
        int passes = quick ? 2 : 5;
        foreach (string stage in names.Length > 0 ? names : s_stages)
        {
            var watch = Stopwatch.StartNew();
            rows.AddRange(stage switch
            {
                "tokenize" => await TokenizeAsync(peers, passes),
                "extract" => await ExtractScrapinghubAsync(peers, quick ? 1 : passes, quick ? 40 : int.MaxValue),
                "extract-wcxb" => await ExtractWcxbAsync(peers, quick ? 1 : 2, quick ? 100 : int.MaxValue),
                "train-step" => await TrainStepAsync(quick ? "tiny" : "d512", quick ? 3 : 8),
                _ => await WarcReadAsync(peers, quick ? 10 : 40, passes),
            });
            Console.Error.WriteLine($"suite: {stage} done in {watch.Elapsed.TotalSeconds:F1} s");
        }

        Console.WriteLine($"one thread each, best of {passes} warm passes ({(quick ? "extract: 40 pages, peers 1 pass, ours 5" : "")}); {Environment.ProcessorCount} cores, {RuntimeInfo()}".Replace(" ()", "", StringComparison.Ordinal));
        Console.WriteLine("| stage | input | ours (one core) | ours peak RSS | peer | peer (one core) | peer peak RSS | ours / peer | check |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (Row r in rows)
        {
            Console.WriteLine($"| {r.Stage} | {r.Input} | {r.Ours:F1} {r.Unit} | {Mb(r.OursPeakRss)} | {r.Peer} | {r.PeerRate:F1} {r.Unit} | " +
                              $"{Mb(r.PeerPeakRss)} | **{r.Ours / r.PeerRate:F2}×** | {r.Check} |");
        }

        return rows.All(r => r.Ok) ? 0 : 1;
    }

    /// <summary>
    /// cl100k_base over the Scrapinghub article bodies: our tokenizer (the tiktoken fast path) and, in the same passes, the
    /// Microsoft.ML.Tokenizers tokenizer it is checked against (what encoding cost before the fast path), each against tiktoken.
    /// </summary>
    private static async Task<List<Row>> TokenizeAsync(string peers, int passes)
    {
        List<string> texts = GroundTruthTexts();
        long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        string input = Path.Combine(Path.GetTempPath(), $"curate-suite-{Environment.ProcessId}.jsonl");
        await File.WriteAllLinesAsync(input, texts.Select(t => JsonSerializer.Serialize(t)));
        try
        {
            ResetPeakRss();
            TextTokenizer tokenizer = TokenizerFactory.Create(new TokenizerOptions { Name = "cl100k_base" });
            var ids = new List<int>();
            using var oursHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var referenceHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (string text in texts) // cold pass: JIT, empty caches; also the ids to compare
            {
                ids.Clear();
                tokenizer.EncodeDocument(text, ids);
                ids.RemoveAt(ids.Count - 1); // the end-of-document id, which tiktoken does not append
                AppendIds(oursHash, ids);
                AppendIds(referenceHash, tokenizer.Reference.EncodeToIds(text));
            }

            string ours = Convert.ToHexStringLower(oursHash.GetHashAndReset());
            string reference = Convert.ToHexStringLower(referenceHash.GetHashAndReset());
            double best = double.MaxValue, referenceBest = double.MaxValue;
            for (int p = 0; p < passes; p++) // alternating, so both sides see the same machine load
            {
                var watch = Stopwatch.StartNew();
                foreach (string text in texts)
                {
                    ids.Clear();
                    tokenizer.EncodeDocument(text, ids);
                }

                best = Math.Min(best, watch.Elapsed.TotalSeconds);
                watch.Restart();
                foreach (string text in texts)
                {
                    tokenizer.Reference.EncodeToIds(text);
                }

                referenceBest = Math.Min(referenceBest, watch.Elapsed.TotalSeconds);
            }

            long oursRss = PeakRss();
            JsonElement peer = await RunPeerAsync(peers, "node", "tiktoken-peer.mjs", "cl100k_base", input, passes.ToString(CultureInfo.InvariantCulture));
            string peerHash = peer.GetProperty("ids_sha256").GetString()!;
            string described = $"Scrapinghub article bodies: {texts.Count} docs, {bytes / 1e6:F2} MB";
            string peerName = peer.GetProperty("peer").GetString()!;
            double peerRate = bytes / 1e6 / peer.GetProperty("seconds").GetDouble();
            long peerRss = peer.GetProperty("peak_rss_bytes").GetInt64();
            string tokens = $"{peer.GetProperty("tokens").GetInt64():N0} tokens";
            return
            [
                new Row("tokenize (cl100k_base, fast path)", described, bytes / 1e6 / best, oursRss, peerName, peerRate, peerRss, "MB/s",
                    ours == peerHash ? $"ids identical ({tokens}); {referenceBest / best:F2}× Microsoft.ML.Tokenizers" : "**ids differ**", ours == peerHash),
                new Row("tokenize (cl100k_base, Microsoft.ML.Tokenizers alone: the reference, before the fast path)", described, bytes / 1e6 / referenceBest, oursRss,
                    peerName, peerRate, peerRss, "MB/s", reference == peerHash ? $"ids identical ({tokens})" : "**ids differ**", reference == peerHash),
            ];
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static void AppendIds(IncrementalHash hash, IReadOnlyList<int> ids)
    {
        byte[] le = new byte[ids.Count * 4];
        for (int i = 0; i < ids.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(le.AsSpan(i * 4), ids[i]);
        }

        hash.AppendData(le);
    }

    /// <summary>
    /// The WARC corpus read as a pipeline reads it (records framed, HTTP parsed, bodies decoded to text) against warcio.js; the same
    /// work warcio.js does (HTTP bodies decoded to bytes, no text) against it too; and the pipeline read
    /// against gzip inflate alone of the same bytes, the ceiling (measured in alternating passes with the reader): GZipStream, and
    /// the reader's own member-by-member native zlib decoder with its buffers, which is the faster of the two and so the fair ceiling.
    /// </summary>
    private static async Task<List<Row>> WarcReadAsync(string peers, int copies, int passes)
    {
        byte[] bytes = WarcReadBenchmark.Corpus(copies);
        string input = Path.Combine(Path.GetTempPath(), $"curate-suite-{Environment.ProcessId}.warc.gz");
        await File.WriteAllBytesAsync(input, bytes);
        try
        {
            ResetPeakRss();
            var options = new WarcReaderOptions();
            long records = WarcReadBenchmark.FramingOnly(bytes, options);
            await WarcReadBenchmark.FullDecodeAsync(bytes, options); // cold pass
            WarcReadBenchmark.InflateOnly(bytes);
            WarcReadBenchmark.InflateMembersOnly(bytes, records);
            WarcReadBenchmark.FramingAndHttpBodies(bytes);
            double best = double.MaxValue, inflateBest = double.MaxValue, memberBest = double.MaxValue, bodiesBest = double.MaxValue;
            for (int p = 0; p < passes; p++)
            {
                var watch = Stopwatch.StartNew();
                await WarcReadBenchmark.FullDecodeAsync(bytes, options);
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
                watch.Restart();
                WarcReadBenchmark.InflateOnly(bytes);
                inflateBest = Math.Min(inflateBest, watch.Elapsed.TotalSeconds);
                watch.Restart();
                WarcReadBenchmark.InflateMembersOnly(bytes, records);
                memberBest = Math.Min(memberBest, watch.Elapsed.TotalSeconds);
                watch.Restart();
                WarcReadBenchmark.FramingAndHttpBodies(bytes);
                bodiesBest = Math.Min(bodiesBest, watch.Elapsed.TotalSeconds);
            }

            long oursRss = PeakRss();
            JsonElement peer = await RunPeerAsync(peers, "node", "warcio-peer.mjs", input, passes.ToString(CultureInfo.InvariantCulture));
            long peerRecords = peer.GetProperty("records").GetInt64();
            string stage = "warc-read (records + HTTP + decoded body)";
            string described = $"{WarcReadBenchmark.Files.Length} real gzip WARCs × {copies}: {records:N0} records, {bytes.Length / 1e6:F1} MB";
            return
            [
                new Row(stage, described, records / best / 1e3, oursRss, peer.GetProperty("peer").GetString()!,
                    peerRecords / peer.GetProperty("seconds").GetDouble() / 1e3, peer.GetProperty("peak_rss_bytes").GetInt64(), "k rec/s",
                    peerRecords == records ? $"same record count ({records:N0})" : $"record counts differ: ours {records:N0}, peer {peerRecords:N0}", true),
                new Row("warc-read, the peer's work (records + HTTP-decoded body bytes, no text)", described, records / bodiesBest / 1e3, oursRss,
                    peer.GetProperty("peer").GetString()!, peerRecords / peer.GetProperty("seconds").GetDouble() / 1e3, peer.GetProperty("peak_rss_bytes").GetInt64(),
                    "k rec/s", "request records' HTTP heads not parsed by ours", true),
                new Row(stage, described, records / best / 1e3, oursRss, "gzip inflate alone (GZipStream, same bytes)",
                    records / inflateBest / 1e3, oursRss, "k rec/s", $"the reader takes {best / inflateBest:F2}× inflate's time", true),
                new Row(stage, described, records / best / 1e3, oursRss, "inflate alone, the reader's native zlib per member (same bytes): the ceiling",
                    records / memberBest / 1e3, oursRss, "k rec/s", $"the reader takes {best / memberBest:F2}× inflate's time", true),
            ];
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>
    /// The Scrapinghub pages (the first <paramref name="limit"/> by id; 181 in all) through our extractor and each extraction
    /// peer, one thread each, every side's output of its cold pass scored with the benchmark's shingle F1 (<see cref="ExtractionEvaluator"/>).
    /// </summary>
    /// <remarks>
    /// Readability.js on jsdom takes tens of seconds a pass (jsdom parses every stylesheet), so --quick runs the peers once over
    /// 40 pages; ours always takes the best of at least 5 warm passes (after one or two, .NET's tiered JIT is still compiling).
    /// </remarks>
    private static async Task<List<Row>> ExtractScrapinghubAsync(string peers, int passes, int limit)
    {
        string benchmark = BenchmarkPaths.SharedData("extraction", "scrapinghub");
        IReadOnlyDictionary<string, string> truth = (await ExtractionEvaluator.LoadArticleBodiesAsync(Path.Combine(benchmark, "ground-truth.json")))
            .OrderBy(p => p.Key, StringComparer.Ordinal).Take(limit).ToDictionary(StringComparer.Ordinal);
        var pages = new List<ExtractionPage>();
        foreach (string id in truth.Keys.Order(StringComparer.Ordinal))
        {
            pages.Add(new ExtractionPage(id, await ExtractionEvaluator.LoadPageAsync(Path.Combine(benchmark, "html", id + ".html.gz"), CancellationToken.None), null));
        }

        return await ExtractAsync(peers, passes, "Scrapinghub benchmark", pages, predictions => ExtractionEvaluator.Score(truth, predictions).F1,
            [("node", "readability-peer.mjs"), (DebianPython, "readability-lxml-peer.py")]);
    }

    /// <summary>
    /// The WCXB dev pages (the first <paramref name="limit"/> by id; 1,356 with a reference) through our extractor and
    /// readability-lxml, one thread each, with the URL each page was crawled from, every side's cold pass scored with WCXB's
    /// word-level F1 (<see cref="WcxbEvaluator"/>). Readability.js on jsdom would take minutes a pass here, so it is left out.
    /// </summary>
    private static async Task<List<Row>> ExtractWcxbAsync(string peers, int passes, int limit)
    {
        string benchmark = BenchmarkPaths.SharedData("extraction", "wcxb-dev");
        (IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> types, IReadOnlyDictionary<string, string> urls) =
            await WcxbEvaluator.LoadPagesAsync(benchmark);
        var pages = new List<ExtractionPage>();
        foreach (string id in truth.Keys.Order(StringComparer.Ordinal).Take(limit))
        {
            pages.Add(new ExtractionPage(id, await ExtractionEvaluator.LoadPageAsync(Path.Combine(benchmark, "html", id + ".html.gz"), CancellationToken.None), urls.GetValueOrDefault(id)));
        }

        var scored = pages.ToDictionary(p => p.Id, p => truth[p.Id], StringComparer.Ordinal);
        return await ExtractAsync(peers, passes, "WCXB dev", pages, predictions => WcxbEvaluator.Score(scored, types, predictions).Overall.F1,
            [(DebianPython, "readability-lxml-peer.py")]);
    }

    /// <summary>Our extractor (best of at least 5 warm passes) and each peer (best of <paramref name="passes"/>) on the same pages; the cold passes' outputs are scored.</summary>
    private static async Task<List<Row>> ExtractAsync(string peers, int passes, string benchmark, List<ExtractionPage> pages,
        Func<IReadOnlyDictionary<string, string>, double> f1, (string Command, string Script)[] peerScripts)
    {
        string input = Path.Combine(Path.GetTempPath(), $"curate-suite-{Environment.ProcessId}-pages.jsonl");
        string output = Path.Combine(Path.GetTempPath(), $"curate-suite-{Environment.ProcessId}-extracted.jsonl");
        await File.WriteAllLinesAsync(input, pages.Select(p => JsonSerializer.Serialize(new { id = p.Id, url = p.Url ?? "https://example.com/", html = p.Html })));
        try
        {
            ResetPeakRss();
            var extractor = new MainContentExtractor(new ExtractionOptions());
            var ours = pages.ToDictionary(p => p.Id, p => extractor.Extract(p.Html, p.Url).Text, StringComparer.Ordinal); // cold pass, scored
            double best = double.MaxValue;
            for (int p = 0; p < Math.Max(passes, 5); p++) // ours is cheap: always 5 passes, so tiered JIT has finished
            {
                var watch = Stopwatch.StartNew();
                foreach (ExtractionPage page in pages)
                {
                    extractor.Extract(page.Html, page.Url);
                }

                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }

            long oursRss = PeakRss();
            double oursF1 = f1(ours);
            string described = $"{benchmark}: {pages.Count} pages, {pages.Sum(p => (long)p.Html.Length) / 1e6:F1} M chars";
            var rows = new List<Row>();
            foreach ((string command, string script) in peerScripts)
            {
                if (command == DebianPython && !CanImportReadabilityLxml())
                {
                    Console.Error.WriteLine($"suite: extract: readability-lxml skipped: {DebianPython} cannot import readability (apt-get install python3-readability)");
                    continue;
                }

                JsonElement peer = await RunPeerAsync(peers, command, script, input, passes.ToString(CultureInfo.InvariantCulture), output);
                var predictions = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement)
                    .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("text").GetString() ?? "", StringComparer.Ordinal);
                rows.Add(new Row("extract (main content, F1 on the same pages)", described, pages.Count / best, oursRss,
                    peer.GetProperty("peer").GetString()!, pages.Count / peer.GetProperty("seconds").GetDouble(), peer.GetProperty("peak_rss_bytes").GetInt64(),
                    "pages/s", $"F1 ours {oursF1:F3}, peer {f1(predictions):F3}", predictions.Count == pages.Count));
            }

            return rows;
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    /// <summary>One page of an extraction benchmark, with the URL it was crawled from when the benchmark records one.</summary>
    private sealed record ExtractionPage(string Id, string Html, string? Url);

    /// <summary>
    /// GPT training steps (forward, backward, clip, AdamW) on random tokens: <c>curate train --benchmark</c> (TorchSharp) against
    /// the same model and step in PyTorch eager (<c>src/CurationPipeline.Training/reference/gpt_eager.py</c>, Debian python3-torch),
    /// preset d512 (d=512, 8 layers, context 256; --quick: tiny), micro-batch 4, one thread each, each process's peak RSS polled.
    /// </summary>
    private static async Task<List<Row>> TrainStepAsync(string preset, int steps)
    {
        if (!CanImport("torch"))
        {
            Console.Error.WriteLine($"suite: train-step skipped: {DebianPython} cannot import torch (apt-get install python3-torch)");
            return [];
        }

        string root = BenchmarkPaths.RepoRoot();
        string curate = Path.Combine(root, "src", "CurationPipeline.Cli", "bin", "Release", "net10.0", "linux-x64", "curate");
        if (!File.Exists(curate))
        {
            throw new FileNotFoundException($"train-step runs the curate CLI; build it first (dotnet build src/CurationPipeline.Cli -c Release): {curate} not found");
        }

        string count = steps.ToString(CultureInfo.InvariantCulture);
        (string ours, long oursRss) = await RunPolledAsync(curate, "train", "--benchmark", "--preset", preset, "--steps", count, "--micro-batch", "4", "--threads", "1");
        (string peer, long peerRss) = await RunPolledAsync(DebianPython, Path.Combine(root, "src", "CurationPipeline.Training", "reference", "gpt_eager.py"), preset, count, "4", "1");
        double oursRate = TokensPerSecond(ours), peerRate = TokensPerSecond(peer);
        string version = System.Text.RegularExpressions.Regex.Match(peer, @"pytorch (\S+)").Groups[1].Value;
        return [new Row($"train-step (GPT {preset}, fwd + bwd + AdamW)", $"random tokens, {steps} timed steps of 4 windows", oursRate, oursRss,
            $"PyTorch {version} eager (Debian python3-torch)", peerRate, peerRss, "tok/s", "same model shape and step", true)];
    }

    private static double TokensPerSecond(string output) =>
        double.Parse(System.Text.RegularExpressions.Regex.Match(output, @"\| ([0-9.]+) tok/s").Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Runs a process to its end, polling its peak RSS (VmHWM) every 50 ms; returns its output and the last peak seen.</summary>
    private static async Task<(string Output, long PeakRss)> RunPolledAsync(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                string? line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                peak = line is null ? peak : Math.Max(peak, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
            }
            catch (IOException)
            {
                // exited between the check and the read
            }

            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? (await output, peak)
            : throw new InvalidOperationException($"{Path.GetFileName(command)} exited with {process.ExitCode}: {await errors}");
    }

    private static bool CanImportReadabilityLxml() => CanImport("readability, lxml.html");

    private static bool CanImport(string modules)
    {
        if (!File.Exists(DebianPython))
        {
            return false;
        }

        using Process? probe = Process.Start(new ProcessStartInfo(DebianPython, ["-c", "import " + modules]) { RedirectStandardError = true });
        probe?.StandardError.ReadToEnd();
        probe?.WaitForExit();
        return probe?.ExitCode == 0;
    }

    private static List<string> GroundTruthTexts()
    {
        string path = BenchmarkPaths.SharedData("extraction", "scrapinghub", "ground-truth.json");
        using JsonDocument truth = JsonDocument.Parse(File.ReadAllText(path));
        return truth.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString()!).ToList();
    }

    private static async Task<JsonElement> RunPeerAsync(string peers, string command, string script, params string[] args)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = peers, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            string error = await errors;
            throw new InvalidOperationException($"peer {script} exited with {process.ExitCode}: {error[Math.Max(0, error.Length - 2000)..]}");
        }

        string last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonDocument.Parse(last).RootElement.Clone();
    }

    /// <summary>Resets this process's peak RSS (Linux: writing 5 to clear_refs); elsewhere the peak covers the whole run.</summary>
    private static void ResetPeakRss()
    {
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"suite: cannot reset the peak RSS ({e.Message}); ours is the process peak so far");
        }
    }

    private static long PeakRss()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    private static string Mb(long bytes) => $"{bytes / 1048576.0:F0} MB";

    private static string RuntimeInfo() => $".NET {Environment.Version}, Node.js {NodeVersion()}, Python {PythonVersion()}";

    private static string PythonVersion()
    {
        if (!File.Exists(DebianPython))
        {
            return "absent";
        }

        using Process? p = Process.Start(new ProcessStartInfo(DebianPython, "--version") { RedirectStandardOutput = true });
        string v = p?.StandardOutput.ReadToEnd().Trim().Replace("Python ", "", StringComparison.Ordinal) ?? "?";
        p?.WaitForExit();
        return v;
    }

    private static string NodeVersion()
    {
        using Process? p = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true });
        string v = p?.StandardOutput.ReadToEnd().Trim() ?? "?";
        p?.WaitForExit();
        return v;
    }

    private sealed record Row(
        string Stage, string Input, double Ours, long OursPeakRss, string Peer, double PeerRate, long PeerPeakRss, string Unit, string Check, bool Ok);
}
