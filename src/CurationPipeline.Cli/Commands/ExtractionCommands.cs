using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CurationPipeline.Extraction;
using CurationPipeline.Extraction.Evaluation;

namespace CurationPipeline.Cli.Commands;

/// <summary>The <c>extract</c> and <c>eval extraction</c> commands.</summary>
public static class ExtractionCommands
{
    private const int ExitOk = 0;
    private const int ExitMissingInput = 1;

    // One JSON object per line, non-ASCII text written as is (the output is not embedded in HTML).
    private static readonly JsonWriterOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>curate extract PATH... [--format text|markdown]</c>: one JSON line <c>{"path","title","text"}</c> per page on stdout
    /// (plus <c>"reason"</c> when extraction failed).</summary>
    public static Command CreateExtractCommand()
    {
        var paths = new Argument<string[]>("paths") { Description = ".html, .htm or .html.gz files, or directories holding them", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "output format: text or markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown");
        var command = new Command("extract", "extract the main text of HTML pages") { paths, format };
        command.SetAction(async (parseResult, ct) =>
        {
            ExtractionFormat outputFormat = parseResult.GetValue(format) == "markdown" ? ExtractionFormat.Markdown : ExtractionFormat.Text;
            string[] inputs = parseResult.GetValue(paths) ?? [];
            foreach (string input in inputs)
            {
                if (!File.Exists(input) && !Directory.Exists(input))
                {
                    await Console.Error.WriteLineAsync($"No such file or directory: {input}").ConfigureAwait(false);
                    return ExitMissingInput;
                }
            }

            var extractor = new MainContentExtractor(new ExtractionOptions { Format = outputFormat });
            using Stream stdout = Console.OpenStandardOutput();
            foreach (string file in ExpandInputs(inputs))
            {
                ct.ThrowIfCancellationRequested();
                ExtractionResult result = extractor.Extract(await ReadHtmlAsync(file, ct).ConfigureAwait(false));
                using (var json = new Utf8JsonWriter(stdout, s_jsonOptions))
                {
                    json.WriteStartObject();
                    json.WriteString("path", file);
                    json.WriteString("title", result.Title);
                    json.WriteString("text", result.Text);
                    if (result.Reason is not null)
                    {
                        json.WriteString("reason", result.Reason);
                    }

                    json.WriteEndObject();
                }

                stdout.WriteByte((byte)'\n');
            }

            await stdout.FlushAsync(ct).ConfigureAwait(false);
            return ExitOk;
        });
        return command;
    }

    /// <summary><c>curate eval extraction --benchmark DIR [--predictions FILE] [--per-item]</c>: scores the extractor (or a prediction file)
    /// on the Scrapinghub article benchmark (a folder with <c>ground-truth.json</c>) or a WCXB split (a folder with <c>metadata.json</c>),
    /// and prints the scores, pages/s and the published peers.</summary>
    public static Command CreateEvalCommand()
    {
        var benchmark = new Option<string>("--benchmark")
        {
            Description = "Scrapinghub folder (ground-truth.json, html/*.html.gz) or WCXB split folder (metadata.json, html/, ground-truth/ or ground-truth.tar.xz)",
            Required = true,
        };
        var predictions = new Option<string?>("--predictions") { Description = "score this {id: {articleBody}} JSON file instead of running the extractor" };
        var perItem = new Option<bool>("--per-item") { Description = "also print the scores per item, worst first" };
        var extraction = new Command("extraction", "score main-content extraction on the Scrapinghub article benchmark or the WCXB benchmark")
        {
            benchmark, predictions, perItem,
        };
        extraction.SetAction(async (parseResult, ct) =>
        {
            string dir = parseResult.GetValue(benchmark)!;
            string? predictionFile = parseResult.GetValue(predictions);
            bool printItems = parseResult.GetValue(perItem);
            if (File.Exists(Path.Combine(dir, "ground-truth.json")))
            {
                await EvaluateScrapinghubAsync(dir, predictionFile, printItems, ct).ConfigureAwait(false);
                return ExitOk;
            }

            if (WcxbEvaluator.IsBenchmark(dir))
            {
                await EvaluateWcxbAsync(dir, predictionFile, printItems, ct).ConfigureAwait(false);
                return ExitOk;
            }

            await Console.Error.WriteLineAsync(
                $"Not a benchmark folder (no ground-truth.json, nor metadata.json + html/ + ground-truth): {dir}").ConfigureAwait(false);
            return ExitMissingInput;
        });
        return new Command("eval", "score stages on reference benchmarks") { extraction };
    }

    private static async Task EvaluateScrapinghubAsync(string dir, string? predictionFile, bool printItems, CancellationToken ct)
    {
        ExtractionEvaluation result = predictionFile is not null
            ? ExtractionEvaluator.Score(
                await ExtractionEvaluator.LoadArticleBodiesAsync(Path.Combine(dir, "ground-truth.json"), ct).ConfigureAwait(false),
                await ExtractionEvaluator.LoadArticleBodiesAsync(predictionFile, ct).ConfigureAwait(false))
            : await new ExtractionEvaluator(new MainContentExtractor(new ExtractionOptions())).EvaluateAsync(dir, ct).ConfigureAwait(false);
        if (printItems)
        {
            foreach (ExtractionItemScore item in result.Items.OrderBy(i => Math.Min(i.Precision ?? 0, i.Recall ?? 0)))
            {
                Console.WriteLine($"{item.Id}  P={item.Precision:F3}  R={item.Recall:F3}  {item.Reason}");
            }
        }

        Console.WriteLine("Scrapinghub article benchmark: 4-gram shingles, F1 of mean P and mean R");
        Console.WriteLine($"{"system",-30} {"F1",6} {"P",6} {"R",6} {"acc",6}");
        Console.WriteLine($"{"CurationPipeline (this run)",-30} {result.F1,6:F3} {result.Precision,6:F3} {result.Recall,6:F3} {result.Accuracy,6:F3}");
        foreach (PeerScore peer in PublishedPeerScores.All)
        {
            Console.WriteLine($"{peer.System,-30} {peer.F1,6:F3} {peer.Precision,6:F3} {peer.Recall,6:F3} {peer.Accuracy,6:F3}");
        }

        PrintSpeed(result.Items.Length, result.ExtractionTime, result.HtmlChars);
    }

    private static async Task EvaluateWcxbAsync(string dir, string? predictionFile, bool printItems, CancellationToken ct)
    {
        WcxbEvaluation result;
        if (predictionFile is not null)
        {
            (IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> types) =
                await WcxbEvaluator.LoadGroundTruthAsync(dir, ct).ConfigureAwait(false);
            result = WcxbEvaluator.Score(truth, types, await ExtractionEvaluator.LoadArticleBodiesAsync(predictionFile, ct).ConfigureAwait(false));
        }
        else
        {
            result = await new WcxbEvaluator(new MainContentExtractor(new ExtractionOptions())).EvaluateAsync(dir, ct).ConfigureAwait(false);
        }

        if (printItems)
        {
            foreach (WcxbItemScore item in result.Items.OrderBy(i => i.F1))
            {
                Console.WriteLine($"{item.Id}  {item.PageType,-13}  P={item.Precision:F3}  R={item.Recall:F3}  F1={item.F1:F3}  conf={item.Confidence:F2}  {item.Reason}");
            }
        }

        Console.WriteLine("WCXB: word-level bag overlap, mean of per-page P, R and F1");
        Console.WriteLine($"{"page type",-14} {"pages",5} {"F1",6} {"P",6} {"R",6}   {"trafilatura F1",14} {"Readability F1",14}");
        foreach (PageTypeScore type in result.ByPageType.Append(result.Overall))
        {
            (double traf, double read) = WcxbPublishedScores.F1ByPageType.GetValueOrDefault(type.PageType, (double.NaN, double.NaN));
            Console.WriteLine($"{type.PageType,-14} {type.Pages,5} {type.F1,6:F3} {type.Precision,6:F3} {type.Recall,6:F3}   {traf,14:F3} {read,14:F3}");
        }

        Console.WriteLine();
        Console.WriteLine($"{"published (dev split, 1,497 pages)",-36} {"F1",6} {"P",6} {"R",6}");
        foreach (PeerScore peer in WcxbPublishedScores.Overall)
        {
            Console.WriteLine($"{peer.System,-36} {peer.F1,6:F3} {peer.Precision,6:F3} {peer.Recall,6:F3}");
        }

        PrintSpeed(result.Items.Length, result.ExtractionTime, result.HtmlChars);
    }

    private static void PrintSpeed(int pages, TimeSpan time, long htmlChars)
    {
        if (time > TimeSpan.Zero)
        {
            Console.WriteLine($"{pages} pages in {time.TotalSeconds:F2} s: {pages / time.TotalSeconds:F1} docs/s, " +
                $"{htmlChars / 1e6 / time.TotalSeconds:F1} M chars/s (single thread)");
        }
    }

    private static IEnumerable<string> ExpandInputs(string[] paths)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsHtmlFile).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static bool IsHtmlFile(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> ReadHtmlAsync(string path, CancellationToken ct)
    {
        await using FileStream file = File.OpenRead(path);
        Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        await using (input.ConfigureAwait(false))
        {
            using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        }
    }
}
