using System.Diagnostics;
using System.Text.Json;
using CurationPipeline.Filters;
using CurationPipeline.Filters.Pii;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// The FineWeb-order English cascade (language ID, Gopher repetition, Gopher quality, C4 with FineWeb's settings, FineWeb quality,
/// then PII redaction of kept documents) on one thread over real extracted web text, in documents/s per core.
/// Args: <c>[path to ground-truth.json, or "" for the shared copy] [seconds per measurement, default 5] [threads for the
/// parallel run, default all cores] [characters language ID reads, default <see cref="LanguageIdOptions.MaxChars"/>]</c>.
/// </summary>
internal sealed class FilterCascadeBenchmark : IBenchmark
{
    public string Name => "filters";

    public string Description => "English cascade (language ID, Gopher, C4, FineWeb) + PII on real text, docs/s per core (args: [ground-truth.json] [seconds] [threads] [language chars])";

    public Task<int> RunAsync(string[] args)
    {
        string path = args.Length > 0 && args[0].Length > 0 ? args[0] : BenchmarkPaths.SharedData("extraction", "scrapinghub", "ground-truth.json");
        double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        int languageChars = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : new LanguageIdOptions().MaxChars;
        string[] texts = Load(path);
        long chars = texts.Sum(t => (long)t.Length);
        Console.WriteLine($"{texts.Length} documents, mean {chars / texts.Length:N0} chars, from {path}; language ID reads {languageChars} chars");

        ITextFilter[] cascade =
        [
            new LanguageIdentifier(new LanguageIdOptions { MaxChars = languageChars }),
            new GopherRepetitionFilter(new GopherRepetitionOptions()),
            new GopherQualityFilter(new GopherQualityOptions()),
            new C4QualityFilter(new C4QualityOptions { FilterNoTerminalPunct = false }),
            new FineWebQualityFilter(new FineWebQualityOptions()),
        ];
        var pii = new PiiRedactor(new PiiRedactorOptions());

        Action<string> full = text => RunCascade(cascade, pii, text);
        ITextFilter[] heuristics = cascade[1..];
        Measure("cascade + pii", texts, seconds, full);
        Measure("same, no language ID", texts, seconds, text => RunCascade(heuristics, pii, text));

        foreach (ITextFilter filter in cascade)
        {
            Measure(filter.Name, texts, seconds / 2, text => filter.Evaluate(text, null));
        }

        Measure("pii", texts, seconds / 2, text => pii.Redact(text));

        int threads = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        MeasureParallel(threads, texts, seconds, full);
        return Task.FromResult(0);
    }

    /// <summary>Runs the filters in order until one drops the document; redacts PII of a kept one.</summary>
    private static void RunCascade(ITextFilter[] cascade, PiiRedactor pii, string text)
    {
        foreach (ITextFilter filter in cascade)
        {
            FilterOutcome outcome = filter.Evaluate(text, null);
            if (!outcome.Verdict.Keep)
            {
                return;
            }

            text = outcome.RewrittenText ?? text;
        }

        _ = pii.Redact(text);
    }

    /// <summary>Prints single-thread docs/s, MB/s and allocation per document of <paramref name="run"/> over <paramref name="texts"/>, after a warm-up; returns the docs/s.</summary>
    internal static double Measure(string label, string[] texts, double seconds, Action<string> run)
    {
        // Warm-up: at least one pass and half the measuring time (tiered JIT, Lingua's lazily loaded models).
        var warmUp = Stopwatch.StartNew();
        do
        {
            foreach (string text in texts)
            {
                run(text);
            }
        }
        while (warmUp.Elapsed.TotalSeconds < seconds / 2);

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long docs = 0, chars = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (string text in texts)
            {
                run(text);
                chars += text.Length;
            }

            docs += texts.Length;
        }

        watch.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        double elapsed = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{label,-20} {docs / elapsed,10:N0} docs/s  {chars * 2 / elapsed / 1e6,7:N1} MB/s (UTF-16)  {allocated / docs,9:N0} B allocated/doc");
        return docs / elapsed;
    }

    /// <summary>The shared filter instances on <paramref name="threads"/> threads at once: total and per-thread docs/s.</summary>
    internal static void MeasureParallel(int threads, string[] texts, double seconds, Action<string> run)
    {
        long docs = 0;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
        {
            long mine = 0;
            for (int i = worker; watch.Elapsed.TotalSeconds < seconds; i++)
            {
                run(texts[i % texts.Length]);
                mine++;
            }

            Interlocked.Add(ref docs, mine);
        });
        double elapsed = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{threads} threads: {docs / elapsed,10:N0} docs/s total, {docs / elapsed / threads,8:N0} docs/s per thread");
    }

    /// <summary>The non-empty article bodies of a scrapinghub <c>ground-truth.json</c>.</summary>
    internal static string[] Load(string path)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.EnumerateObject()
            .Select(p => p.Value.GetProperty("articleBody").GetString() ?? "")
            .Where(t => t.Length > 0)
            .ToArray();
    }
}
