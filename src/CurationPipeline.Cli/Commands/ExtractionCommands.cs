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

    /// <summary><c>curate eval extraction --benchmark DIR [--predictions FILE]</c>: scores the extractor (or a peer's output file)
    /// on the Scrapinghub benchmark and prints P, R, F1, accuracy, docs/s and the published peers.</summary>
    public static Command CreateEvalCommand()
    {
        var benchmark = new Option<string>("--benchmark") { Description = "folder with ground-truth.json and html/*.html.gz", Required = true };
        var predictions = new Option<string?>("--predictions") { Description = "score this {id: {articleBody}} JSON file instead of running the extractor" };
        var perItem = new Option<bool>("--per-item") { Description = "also print P and R per item, worst first" };
        var extraction = new Command("extraction", "score main-content extraction on the Scrapinghub article benchmark") { benchmark, predictions, perItem };
        extraction.SetAction(async (parseResult, ct) =>
        {
            string dir = parseResult.GetValue(benchmark)!;
            if (!File.Exists(Path.Combine(dir, "ground-truth.json")))
            {
                await Console.Error.WriteLineAsync($"Not a Scrapinghub benchmark folder (no ground-truth.json): {dir}").ConfigureAwait(false);
                return ExitMissingInput;
            }

            ExtractionEvaluation result = parseResult.GetValue(predictions) is { } file
                ? ExtractionEvaluator.Score(
                    await ExtractionEvaluator.LoadArticleBodiesAsync(Path.Combine(dir, "ground-truth.json"), ct).ConfigureAwait(false),
                    await ExtractionEvaluator.LoadArticleBodiesAsync(file, ct).ConfigureAwait(false))
                : await new ExtractionEvaluator(new MainContentExtractor(new ExtractionOptions())).EvaluateAsync(dir, ct).ConfigureAwait(false);
            if (parseResult.GetValue(perItem))
            {
                foreach (ExtractionItemScore item in result.Items.OrderBy(i => Math.Min(i.Precision ?? 0, i.Recall ?? 0)))
                {
                    Console.WriteLine($"{item.Id}  P={item.Precision:F3}  R={item.Recall:F3}  {item.Reason}");
                }
            }

            Console.WriteLine($"{"system",-30} {"F1",6} {"P",6} {"R",6} {"acc",6}");
            Console.WriteLine($"{"CurationPipeline (this run)",-30} {result.F1,6:F3} {result.Precision,6:F3} {result.Recall,6:F3} {result.Accuracy,6:F3}");
            foreach (PeerScore peer in PublishedPeerScores.All)
            {
                Console.WriteLine($"{peer.System,-30} {peer.F1,6:F3} {peer.Precision,6:F3} {peer.Recall,6:F3} {peer.Accuracy,6:F3}");
            }

            if (result.ExtractionTime > TimeSpan.Zero)
            {
                Console.WriteLine($"{result.Items.Length} pages in {result.ExtractionTime.TotalSeconds:F2} s: {result.DocumentsPerSecond:F1} docs/s, " +
                    $"{result.HtmlChars / 1e6 / result.ExtractionTime.TotalSeconds:F1} M chars/s (single thread)");
            }

            return ExitOk;
        });
        return new Command("eval", "score stages on reference benchmarks") { extraction };
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
