using System.Globalization;
using System.Text;
using CurationPipeline.Extraction;
using CurationPipeline.Extraction.Evaluation;
using CurationPipeline.Extraction.Internal;

namespace CurationPipeline.Benchmarks;

/// <summary>Writes, per benchmark page, the features <see cref="StrategyChoice"/> decides from and how each strategy scores: the
/// table its constants were fitted on (<c>scripts/fit-extraction-choice.py</c>). WCXB pages get word-bag F1s; Scrapinghub pages
/// (a folder with <c>ground-truth.json</c>) get 4-gram shingle counts, since that benchmark's F1 is over its mean P and R.</summary>
internal sealed class ExtractionChoiceBenchmark : IBenchmark
{
    private const string ScrapinghubTruth = "ground-truth.json";

    public string Name => "extraction-choice";

    public string Description => "per-page strategy features and scores over a WCXB or Scrapinghub folder, as TSV: [OUT.tsv] [DIR]";

    public async Task<int> RunAsync(string[] args)
    {
        string output = args.Length > 0 ? args[0] : "extraction-choice.tsv";
        string dir = args.Length > 1 ? args[1] : BenchmarkPaths.SharedData("extraction", "wcxb-dev");
        bool scrapinghub = File.Exists(Path.Combine(dir, ScrapinghubTruth));
        IReadOnlyDictionary<string, string> truth, types, urls;
        if (scrapinghub)
        {
            truth = await ExtractionEvaluator.LoadArticleBodiesAsync(Path.Combine(dir, ScrapinghubTruth));
            types = truth.ToDictionary(p => p.Key, _ => "article", StringComparer.Ordinal);
            urls = new Dictionary<string, string>();
        }
        else
        {
            (truth, types, urls) = await WcxbEvaluator.LoadPagesAsync(dir);
        }

        var extractor = new MainContentExtractor(new ExtractionOptions());
        await using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false));
        string[] scores = scrapinghub
            ? ["result_shingles", "selection_shingles", "whole_body_shingles"]
            : ["f1_result", "f1_selection", "f1_whole_body"];
        await writer.WriteLineAsync(string.Join('\t', [
            "id", "type", "article", "product", "url_kind", "share", "confidence", "selected_chars", "page_chars",
            "link_density", "rest_link_density", "rest_good_share", "rest_sentence_ends", "chosen", .. scores]));
        foreach (string id in truth.Keys.Order(StringComparer.Ordinal))
        {
            string html = await ExtractionEvaluator.LoadPageAsync(Path.Combine(dir, "html", id + ".html.gz"), CancellationToken.None);
            var candidates = new StrategyCandidates();
            ExtractionResult result = extractor.Extract(html.AsMemory(), urls.GetValueOrDefault(id), candidates);
            PageFeatures f = candidates.Features;
            string expected = truth[id];
            await writer.WriteLineAsync(string.Join('\t',
                id, types[id], Flag(f.DeclaresArticle), Flag(f.DeclaresProduct), f.UrlKind.ToString(),
                Number(f.Share), Number(f.Confidence), Number(f.SelectedChars), Number(f.PageChars), Number(f.PageLinkDensity),
                Number(f.RestLinkDensity), Number(f.RestGoodShare), Number(f.RestSentenceEnds), candidates.Chosen.ToString(),
                Score(expected, result.Text, scrapinghub), Score(expected, candidates.Selection, scrapinghub),
                Score(expected, candidates.WholeBody, scrapinghub)));
        }

        Console.WriteLine($"{truth.Count} pages -> {output}");
        return 0;
    }

    private static string Score(string expected, string text, bool shingles)
    {
        if (!shingles)
        {
            return Number(WordBagMetric.Compare(expected, text).F1);
        }

        (int tp, int fp, int fn) = ShingleMetric.Compare(expected, text);
        return FormattableString.Invariant($"{tp}/{fp}/{fn}");
    }

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
