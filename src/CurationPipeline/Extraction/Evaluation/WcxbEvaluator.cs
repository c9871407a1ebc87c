using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CurationPipeline.Extraction.Evaluation;

/// <summary>Runs <see cref="MainContentExtractor"/> over a WCXB split folder (<c>html/NNNN.html.gz</c>, <c>metadata.json</c> and the
/// ground truth as <c>ground-truth/NNNN.json</c> or <c>ground-truth.tar.xz</c>) and scores it with <see cref="WordBagMetric"/>.</summary>
/// <remarks>Pages whose ground truth has no <c>main_content</c> (null or absent) are left out; an empty <c>main_content</c> is kept
/// (the page has no main text: empty output scores 1, any output 0). The archive form is unpacked with the system
/// <c>tar</c> (xz support) into a temporary folder that is deleted afterwards.</remarks>
public sealed class WcxbEvaluator
{
    private const string MetadataFile = "metadata.json";
    private const string GroundTruthFolder = "ground-truth";
    private const string GroundTruthArchive = "ground-truth.tar.xz";
    private const string HtmlFolder = "html";
    private const string HtmlSuffix = ".html.gz";
    private readonly MainContentExtractor _extractor;

    /// <summary>Creates an evaluator for one extractor.</summary>
    /// <param name="extractor">The extractor to score.</param>
    /// <exception cref="ArgumentNullException"><paramref name="extractor"/> is <c>null</c>.</exception>
    public WcxbEvaluator(MainContentExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        _extractor = extractor;
    }

    /// <summary>Whether a folder has the WCXB layout: <c>metadata.json</c>, <c>html/</c> and the ground truth (folder or archive).</summary>
    /// <param name="directory">The folder to look at.</param>
    /// <returns><c>true</c> when all three are present.</returns>
    public static bool IsBenchmark(string directory) =>
        File.Exists(Path.Combine(directory, MetadataFile)) && Directory.Exists(Path.Combine(directory, HtmlFolder))
        && (Directory.Exists(Path.Combine(directory, GroundTruthFolder)) || File.Exists(Path.Combine(directory, GroundTruthArchive)));

    /// <summary>Loads every page, extracts it on the calling thread (timed) and scores the output.</summary>
    /// <param name="benchmarkDirectory">The WCXB split folder.</param>
    /// <param name="cancellationToken">Stops loading and extraction between pages.</param>
    /// <returns>The totals, per-type means and per-page scores.</returns>
    /// <exception cref="FileNotFoundException">A page or the metadata is missing.</exception>
    /// <exception cref="InvalidOperationException">The ground-truth archive could not be unpacked.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<WcxbEvaluation> EvaluateAsync(string benchmarkDirectory, CancellationToken cancellationToken = default)
    {
        (IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> types, IReadOnlyDictionary<string, string> urls) =
            await LoadPagesAsync(benchmarkDirectory, cancellationToken).ConfigureAwait(false);
        var pages = new List<(string Id, string Html)>(truth.Count);
        foreach (string id in truth.Keys.Order(StringComparer.Ordinal))
        {
            pages.Add((id, await ExtractionEvaluator.LoadPageAsync(Path.Combine(benchmarkDirectory, HtmlFolder, id + HtmlSuffix), cancellationToken).ConfigureAwait(false)));
        }

        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string?>(StringComparer.Ordinal);
        var confidences = new Dictionary<string, double>(StringComparer.Ordinal);
        long chars = 0;
        long start = Stopwatch.GetTimestamp();
        foreach ((string id, string html) in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExtractionResult result = _extractor.Extract(html, urls.GetValueOrDefault(id));
            predictions[id] = result.Text;
            reasons[id] = result.Reason;
            confidences[id] = result.Confidence;
            chars += html.Length;
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        return Score(truth, types, predictions, reasons, confidences) with { ExtractionTime = elapsed, HtmlChars = chars };
    }

    /// <summary>Reads the reference main content and the page type of every page that has one.</summary>
    /// <param name="benchmarkDirectory">The WCXB split folder.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Main content per page id (possibly empty), and page type per page id (<c>unknown</c> when the metadata does not list the page).</returns>
    /// <exception cref="InvalidOperationException">The ground-truth archive could not be unpacked.</exception>
    public static async Task<(IReadOnlyDictionary<string, string> Truth, IReadOnlyDictionary<string, string> PageTypes)> LoadGroundTruthAsync(
        string benchmarkDirectory, CancellationToken cancellationToken = default)
    {
        (IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> types, _) =
            await LoadPagesAsync(benchmarkDirectory, cancellationToken).ConfigureAwait(false);
        return (truth, types);
    }

    /// <summary>Reads the reference main content, the page type and the URL of every page that has a reference.</summary>
    /// <param name="benchmarkDirectory">The WCXB split folder.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>As <see cref="LoadGroundTruthAsync"/>, plus the page URL per page id (from the ground truth's <c>url</c>; absent when it has none).</returns>
    /// <exception cref="InvalidOperationException">The ground-truth archive could not be unpacked.</exception>
    public static async Task<(IReadOnlyDictionary<string, string> Truth, IReadOnlyDictionary<string, string> PageTypes, IReadOnlyDictionary<string, string> Urls)> LoadPagesAsync(
        string benchmarkDirectory, CancellationToken cancellationToken = default)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (FileStream metadata = File.OpenRead(Path.Combine(benchmarkDirectory, MetadataFile)))
        {
            using JsonDocument json = await JsonDocument.ParseAsync(metadata, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (json.RootElement.TryGetProperty("files", out JsonElement files) && files.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty file in files.EnumerateObject())
                {
                    if (file.Value.ValueKind == JsonValueKind.Object && file.Value.TryGetProperty("page_type", out JsonElement type)
                        && type.ValueKind == JsonValueKind.String)
                    {
                        types[file.Name] = type.GetString()!;
                    }
                }
            }
        }

        string folder = Path.Combine(benchmarkDirectory, GroundTruthFolder);
        string? unpacked = null;
        if (!Directory.Exists(folder))
        {
            unpacked = await UnpackAsync(Path.Combine(benchmarkDirectory, GroundTruthArchive), cancellationToken).ConfigureAwait(false);
            folder = Path.Combine(unpacked, GroundTruthFolder);
        }

        try
        {
            var truth = new Dictionary<string, string>(StringComparer.Ordinal);
            var pageTypes = new Dictionary<string, string>(StringComparer.Ordinal);
            var urls = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string path in Directory.EnumerateFiles(folder, "*.json"))
            {
                string id = Path.GetFileNameWithoutExtension(path);
                await using FileStream stream = File.OpenRead(path);
                using JsonDocument json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (json.RootElement.TryGetProperty("ground_truth", out JsonElement gt) && gt.ValueKind == JsonValueKind.Object
                    && gt.TryGetProperty("main_content", out JsonElement main) && main.ValueKind == JsonValueKind.String)
                {
                    truth[id] = main.GetString()!;
                    pageTypes[id] = types.GetValueOrDefault(id) ?? "unknown";
                    if (json.RootElement.TryGetProperty("url", out JsonElement url) && url.ValueKind == JsonValueKind.String)
                    {
                        urls[id] = url.GetString()!;
                    }
                }
            }

            return (truth, pageTypes, urls);
        }
        finally
        {
            if (unpacked is not null)
            {
                Directory.Delete(unpacked, recursive: true);
            }
        }
    }

    /// <summary>Scores precomputed predictions.</summary>
    /// <param name="groundTruth">Reference main content per page id.</param>
    /// <param name="pageTypes">Page type per page id.</param>
    /// <param name="predictions">Predicted text per page id; a missing id scores 0.</param>
    /// <returns>The totals, per-type means and per-page scores (untimed).</returns>
    public static WcxbEvaluation Score(
        IReadOnlyDictionary<string, string> groundTruth,
        IReadOnlyDictionary<string, string> pageTypes,
        IReadOnlyDictionary<string, string> predictions) =>
        Score(groundTruth, pageTypes, predictions, reasons: null, confidences: null);

    private static WcxbEvaluation Score(
        IReadOnlyDictionary<string, string> groundTruth,
        IReadOnlyDictionary<string, string> pageTypes,
        IReadOnlyDictionary<string, string> predictions,
        Dictionary<string, string?>? reasons,
        Dictionary<string, double>? confidences)
    {
        var items = ImmutableArray.CreateBuilder<WcxbItemScore>(groundTruth.Count);
        foreach (string id in groundTruth.Keys.Order(StringComparer.Ordinal))
        {
            (double p, double r, double f1) = WordBagMetric.Compare(groundTruth[id], predictions.GetValueOrDefault(id));
            items.Add(new WcxbItemScore(id, pageTypes.GetValueOrDefault(id) ?? "unknown", p, r, f1, confidences?.GetValueOrDefault(id) ?? 0, reasons?.GetValueOrDefault(id)));
        }

        ImmutableArray<WcxbItemScore> all = items.ToImmutable();
        return new WcxbEvaluation
        {
            Overall = Mean("all", all),
            ByPageType = [.. all.GroupBy(i => i.PageType, StringComparer.Ordinal)
                .Select(g => Mean(g.Key, g))
                .OrderByDescending(s => s.Pages).ThenBy(s => s.PageType, StringComparer.Ordinal)],
            Items = all,
        };
    }

    private static PageTypeScore Mean(string pageType, IEnumerable<WcxbItemScore> items)
    {
        int n = 0;
        double p = 0, r = 0, f1 = 0;
        foreach (WcxbItemScore item in items)
        {
            n++;
            p += item.Precision;
            r += item.Recall;
            f1 += item.F1;
        }

        return n == 0 ? new PageTypeScore(pageType, 0, 0, 0, 0) : new PageTypeScore(pageType, n, p / n, r / n, f1 / n);
    }

    private static async Task<string> UnpackAsync(string archive, CancellationToken cancellationToken)
    {
        string target = Path.Combine(Path.GetTempPath(), "curate-wcxb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        var start = new ProcessStartInfo("tar") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (ReadOnlySpan<string>)["-xJf", archive, "-C", target])
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using Process tar = Process.Start(start) ?? throw new InvalidOperationException("could not start tar");
            string errors = await tar.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await tar.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (tar.ExitCode != 0)
            {
                throw new InvalidOperationException($"tar -xJf {archive} exited with {tar.ExitCode}: {errors.Trim()}");
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception)
        {
            Directory.Delete(target, recursive: true);
            throw new InvalidOperationException($"unpacking {archive} needs tar with xz support: {ex.Message}", ex);
        }
        catch
        {
            Directory.Delete(target, recursive: true);
            throw;
        }

        return target;
    }
}
