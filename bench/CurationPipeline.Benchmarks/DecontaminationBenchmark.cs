using System.Diagnostics;
using CurationPipeline.Filters;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// The <c>decontam</c> filter with the quickstart's evaluation sets (GSM8K test + MATH test minus MATH-500, shipped in
/// <c>pipelines/decontam/</c>) over real extracted web text: index build time and size, then µs per document on one thread
/// (allenai/decon publishes 34 µs/doc), beside text normalization alone (the part every n-gram method pays), and docs/s on
/// all threads.
/// Args: <c>[path to ground-truth.json, or "" for the shared copy] [seconds per measurement, default 5] [n-gram words, default 13]</c>.
/// </summary>
internal sealed class DecontaminationBenchmark : IBenchmark
{
    public string Name => "decontam";

    public string Description => "benchmark decontamination (GSM8K + MATH 13-grams) on real text, µs/doc per core (args: [ground-truth.json] [seconds] [n])";

    public Task<int> RunAsync(string[] args)
    {
        string path = args.Length > 0 && args[0].Length > 0 ? args[0] : BenchmarkPaths.SharedData("extraction", "scrapinghub", "ground-truth.json");
        double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        int n = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 13;
        string[] texts = FilterCascadeBenchmark.Load(path);
        Console.WriteLine($"{texts.Length} documents, mean {texts.Sum(t => (long)t.Length) / texts.Length:N0} chars, from {path}");

        string sets = Path.Combine(BenchmarkPaths.RepoRoot(), "pipelines", "decontam");
        var options = new DecontaminationOptions
        {
            Benchmarks = new Dictionary<string, string>
            {
                ["gsm8k"] = Path.Combine(sets, "gsm8k-test.jsonl.gz"),
                ["math_minus_math500"] = Path.Combine(sets, "math-test-minus-math500.jsonl.gz"),
            },
            TextFields = ["question", "answer", "problem", "solution"],
            NGramWords = n,
        };
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var filter = new DecontaminationFilter(options);
        watch.Stop();
        long indexBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"index: {filter.IndexedNGrams:N0} distinct {n}-grams in {watch.Elapsed.TotalSeconds:N2} s, {indexBytes / 1e6:N1} MB managed heap");

        FilterCascadeBenchmark.Measure("normalize (floor)", texts, seconds, text => CurationPipeline.Dedup.TextNormalizer.Normalize(text));
        double docsPerSecond = FilterCascadeBenchmark.Measure("decontam", texts, seconds, text => filter.Evaluate(text, null));
        Console.WriteLine($"decontam: {1e6 / docsPerSecond:N1} µs/doc on one thread (allenai/decon: 34 µs/doc)");
        FilterCascadeBenchmark.MeasureParallel(Environment.ProcessorCount, texts, seconds, text => filter.Evaluate(text, null));
        GC.KeepAlive(filter);
        return Task.FromResult(0);
    }
}
