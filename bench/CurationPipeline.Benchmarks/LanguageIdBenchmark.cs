using System.Diagnostics;
using System.Text.Json;
using CurationPipeline.Documents;
using CurationPipeline.Extraction;
using CurationPipeline.Filters;
using CurationPipeline.Storage;
using CurationPipeline.Warc;
using Lingua;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// Our language identifier against Lingua's own low-accuracy detector (all languages, the same models, the same prefix of each
/// text) on real pages: the Scrapinghub articles and the extracted pages of every readable WARC under shared/data/warc and
/// sample-warc. Prints one-thread docs/s of each, the agreement on the top language, and the disagreements.
/// Args: <c>[characters read per document, default <see cref="LanguageIdOptions.MaxChars"/>] [seconds per measurement, default 5]</c>.
/// </summary>
internal sealed class LanguageIdBenchmark : IBenchmark
{
    public string Name => "language";

    public string Description => "language ID vs Lingua low-accuracy on real pages: docs/s per core and agreement (args: [chars] [seconds])";

    public async Task<int> RunAsync(string[] args)
    {
        int chars = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : new LanguageIdOptions().MaxChars;
        double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        List<string> texts = [.. ScrapinghubArticles(), .. await WarcPagesAsync()];
        string[] samples = [.. texts.Select(t => t.Length <= chars ? t : t[..chars])];
        Console.WriteLine($"{samples.Length} texts, mean {samples.Average(s => s.Length):N0} chars read");

        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        var ours = new LanguageIdentifier(new LanguageIdOptions { MaxChars = chars, KeepLanguages = [] });
        Console.WriteLine($"our models: loaded in {load.Elapsed.TotalSeconds:F2} s, {(GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / 1e6:F0} MB managed");
        LanguageDetector lingua = LanguageDetectorBuilder.FromAllLanguages().WithLowAccuracyMode().Build();
        string LinguaTop(string text)
        {
            foreach ((Language language, double score) in lingua.ComputeLanguageConfidenceValues(text))
            {
                return language == Language.Unknown || score <= 0 ? LanguageIdentifier.Unknown : language.IsoCode6391().ToString().ToLowerInvariant();
            }

            return LanguageIdentifier.Unknown;
        }

        double oursRate = Measure("ours", samples, seconds, s => ours.ComputeSignals(s));
        double linguaRate = Measure("lingua low-accuracy", samples, seconds, s => LinguaTop(s));
        Console.WriteLine($"speed ratio ours/lingua: {oursRate / linguaRate:F1}x");

        int agree = 0;
        var languages = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (string sample in samples)
        {
            string a = ours.ComputeSignals(sample).Language, b = LinguaTop(sample);
            languages[b] = languages.GetValueOrDefault(b) + 1;
            if (a == b)
            {
                agree++;
            }
            else
            {
                disagreements.Add($"  ours {a}, lingua {b}: {Snippet(sample)}");
            }
        }

        string[] oursLowPages = [.. samples.Select(s => (Signals: ours.ComputeSignals(s), Text: s)).Where(p => p.Signals.Score <= 0.65)
            .Select(p => $"  {p.Signals.Language} {p.Signals.Score:F2}: {Snippet(p.Text)}")];
        int oursLow = oursLowPages.Length;
        int linguaLow = samples.Count(s => lingua.ComputeLanguageConfidenceValues(s).FirstOrDefault().Value <= 0.65);
        Console.WriteLine($"score <= 0.65 (FineWeb's cut): ours {oursLow}, lingua {linguaLow} of {samples.Length}");
        Array.ForEach(oursLowPages, Console.WriteLine);
        Console.WriteLine($"agreement: {agree}/{samples.Length} = {100.0 * agree / samples.Length:F1} %; Lingua's languages: " +
            string.Join(' ', languages.Select(p => $"{p.Key}:{p.Value}")));
        disagreements.ForEach(Console.WriteLine);
        return 0;
    }

    private static IEnumerable<string> ScrapinghubArticles()
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(BenchmarkPaths.SharedData("extraction", "scrapinghub", "ground-truth.json")));
        return [.. json.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString() ?? "").Where(t => t.Length > 0)];
    }

    /// <summary>Main text of every HTML page in the readable WARCs (the malformed ones are for the reader's tests).</summary>
    private static async Task<List<string>> WarcPagesAsync()
    {
        string[] files = [.. Directory.EnumerateFiles(BenchmarkPaths.SharedData("warc"), "*.warc.gz", SearchOption.AllDirectories)
            .Where(f => !f.Contains("malformed", StringComparison.Ordinal))
            .Append(Path.Combine(BenchmarkPaths.RepoRoot(), "sample-warc", "quickstart.warc.gz"))
            .Order(StringComparer.Ordinal)];
        var extractor = new MainContentExtractor(new ExtractionOptions());
        var source = new WarcDocumentSource(new WarcReaderOptions());
        var texts = new List<string>();
        foreach (string file in files)
        {
            await foreach (SourceItem item in source.ReadAsync(LocalStorage.Instance, file, CancellationToken.None))
            {
                using RawContent? content = item.Document?.Content;
                if (item.Document is { Kind: ContentKind.Html } page && extractor.Extract(page.Content.Memory, page.Url) is { Succeeded: true, Text.Length: >= 200 } result)
                {
                    texts.Add(result.Text);
                }
            }
        }

        return texts;
    }

    private static double Measure(string label, string[] samples, double seconds, Action<string> run)
    {
        foreach (string s in samples)
        {
            run(s); // warm-up: JIT, lazily loaded models
        }

        long docs = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (string s in samples)
            {
                run(s);
            }

            docs += samples.Length;
        }

        double rate = docs / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{label,-22} {rate,10:N0} docs/s (one thread)");
        return rate;
    }

    private static string Snippet(string text) => text.Length <= 80 ? text.ReplaceLineEndings(" ") : text[..80].ReplaceLineEndings(" ") + "…";
}
