using System.Collections.Immutable;
using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CurationPipeline.Extraction.Evaluation;

/// <summary>Runs <see cref="MainContentExtractor"/> over the Scrapinghub article-extraction benchmark
/// (<c>html/*.html.gz</c> + <c>ground-truth.json</c>) and scores it with <see cref="ShingleMetric"/>.</summary>
/// <remarks>Per item, precision = TP/(TP+FP) and recall = TP/(TP+FN) over shingles (both 1 when FP = FN = 0); the means are taken over
/// items, precision over items with a prediction and recall over items with a ground truth; F1 is the harmonic mean of the two means.</remarks>
public sealed class ExtractionEvaluator
{
    private const string GroundTruthFile = "ground-truth.json";
    private const string HtmlFolder = "html";
    private const string HtmlSuffix = ".html.gz";
    private const string ArticleBody = "articleBody";
    private readonly MainContentExtractor _extractor;

    /// <summary>Creates an evaluator for one extractor.</summary>
    /// <param name="extractor">The extractor to score.</param>
    /// <exception cref="ArgumentNullException"><paramref name="extractor"/> is <c>null</c>.</exception>
    public ExtractionEvaluator(MainContentExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        _extractor = extractor;
    }

    /// <summary>Loads every page, extracts it on the calling thread (timed) and scores the output.</summary>
    /// <param name="benchmarkDirectory">The folder holding <c>ground-truth.json</c> and <c>html/</c>.</param>
    /// <param name="cancellationToken">Stops loading and extraction between pages.</param>
    /// <returns>The totals and per-item scores.</returns>
    /// <exception cref="FileNotFoundException">The ground truth or a page is missing.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<ExtractionEvaluation> EvaluateAsync(string benchmarkDirectory, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, string> truth, urls;
        using (JsonDocument groundTruth = await ParseAsync(Path.Combine(benchmarkDirectory, GroundTruthFile), cancellationToken).ConfigureAwait(false))
        {
            truth = ItemStrings(groundTruth, ArticleBody);

            // The crawl URL, as a pipeline has it from the WARC record (the extractor otherwise falls back to the page's og:url).
            urls = ItemStrings(groundTruth, "url");
        }

        var pages = new List<(string Id, string Html)>(truth.Count);
        foreach (string id in truth.Keys.Order(StringComparer.Ordinal))
        {
            pages.Add((id, await LoadPageAsync(Path.Combine(benchmarkDirectory, HtmlFolder, id + HtmlSuffix), cancellationToken).ConfigureAwait(false)));
        }

        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string?>(StringComparer.Ordinal);
        long chars = 0;
        long start = Stopwatch.GetTimestamp();
        foreach ((string id, string html) in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExtractionResult result = _extractor.Extract(html, urls.GetValueOrDefault(id) is { Length: > 0 } url ? url : null);
            predictions[id] = result.Text;
            reasons[id] = result.Reason;
            chars += html.Length;
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        return Score(truth, predictions, reasons) with { ExtractionTime = elapsed, HtmlChars = chars };
    }

    /// <summary>Scores precomputed predictions, e.g. a peer tool's output file from the benchmark repository.</summary>
    /// <param name="groundTruth">Expected article body per item id.</param>
    /// <param name="predictions">Predicted text per item id; a missing id counts as an empty prediction.</param>
    /// <returns>The totals and per-item scores (untimed).</returns>
    public static ExtractionEvaluation Score(IReadOnlyDictionary<string, string> groundTruth, IReadOnlyDictionary<string, string> predictions) =>
        Score(groundTruth, predictions, reasons: null);

    /// <summary>Reads a benchmark JSON file of the form <c>{id: {"articleBody": text, ...}}</c> (ground truth), or the same object
    /// wrapped as <c>{"output": {...}}</c> (the repository's tool outputs).</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Article body per item id (an absent or null body reads as empty).</returns>
    /// <exception cref="JsonException">The file is not of that form.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> LoadArticleBodiesAsync(string path, CancellationToken cancellationToken = default)
    {
        using JsonDocument json = await ParseAsync(path, cancellationToken).ConfigureAwait(false);
        return ItemStrings(json, ArticleBody);
    }

    private static async Task<JsonDocument> ParseAsync(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = File.OpenRead(path);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One string property of every item of a benchmark JSON document (see <see cref="LoadArticleBodiesAsync"/>); an absent
    /// or null value reads as empty.</summary>
    private static Dictionary<string, string> ItemStrings(JsonDocument json, string property)
    {
        JsonElement root = json.RootElement;
        if (root.TryGetProperty("output", out JsonElement wrapped) && wrapped.ValueKind == JsonValueKind.Object)
        {
            root = wrapped;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty item in root.EnumerateObject())
        {
            values[item.Name] = item.Value.ValueKind == JsonValueKind.Object
                && item.Value.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : "";
        }

        return values;
    }

    /// <summary>Reads a benchmark page stored as gzip-compressed UTF-8 HTML (both benchmarks' layout).</summary>
    internal static async Task<string> LoadPageAsync(string path, CancellationToken cancellationToken)
    {
        await using FileStream file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ExtractionEvaluation Score(
        IReadOnlyDictionary<string, string> groundTruth,
        IReadOnlyDictionary<string, string> predictions,
        Dictionary<string, string?>? reasons)
    {
        var items = ImmutableArray.CreateBuilder<ExtractionItemScore>(groundTruth.Count);
        double precisionSum = 0, recallSum = 0;
        int precisionItems = 0, recallItems = 0, exact = 0;
        foreach (string id in groundTruth.Keys.Order(StringComparer.Ordinal))
        {
            string truth = groundTruth[id];
            string prediction = predictions.GetValueOrDefault(id) ?? "";
            (int tp, int fp, int fn) = ShingleMetric.Compare(truth, prediction);
            double? precision = fp == 0 && fn == 0 ? 1 : tp + fp > 0 ? (double)tp / (tp + fp) : null;
            double? recall = fp == 0 && fn == 0 ? 1 : tp + fn > 0 ? (double)tp / (tp + fn) : null;
            bool match = CollectionsMarshal.AsSpan(ShingleMetric.Tokenize(truth)).SequenceEqual(CollectionsMarshal.AsSpan(ShingleMetric.Tokenize(prediction)));
            if (precision is { } p)
            {
                precisionSum += p;
                precisionItems++;
            }

            if (recall is { } r)
            {
                recallSum += r;
                recallItems++;
            }

            exact += match ? 1 : 0;
            items.Add(new ExtractionItemScore(id, precision, recall, match, reasons?.GetValueOrDefault(id)));
        }

        return new ExtractionEvaluation
        {
            Precision = precisionItems == 0 ? 0 : precisionSum / precisionItems,
            Recall = recallItems == 0 ? 0 : recallSum / recallItems,
            Accuracy = items.Count == 0 ? 0 : (double)exact / items.Count,
            Items = items.ToImmutable(),
        };
    }
}
