using System.Globalization;
using System.Text;
using CurationPipeline.Extraction;
using CurationPipeline.Extraction.Evaluation;
using CurationPipeline.Extraction.Internal;

namespace CurationPipeline.Benchmarks;

/// <summary>Writes, per WCXB page, the features <see cref="StrategyChoice"/> decides from and the F1 of every strategy: the table
/// its constants were fitted on (<c>scripts/fit-extraction-choice.py</c>).</summary>
internal sealed class ExtractionChoiceBenchmark : IBenchmark
{
    public string Name => "extraction-choice";

    public string Description => "per-page strategy features and F1s over a WCXB split, as TSV: [OUT.tsv] [WCXB-DIR]";

    public async Task<int> RunAsync(string[] args)
    {
        string output = args.Length > 0 ? args[0] : "extraction-choice.tsv";
        string dir = args.Length > 1 ? args[1] : BenchmarkPaths.SharedData("extraction", "wcxb-dev");
        (IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> types, IReadOnlyDictionary<string, string> urls) =
            await WcxbEvaluator.LoadPagesAsync(dir);
        var extractor = new MainContentExtractor(new ExtractionOptions());
        await using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync(string.Join('\t',
            "id", "type", "article", "discussion", "product", "url_kind", "share", "confidence", "selected_chars", "page_chars",
            "link_density", "list_items", "paragraphs", "rest_link_density", "rest_good_share", "rest_sentence_ends", "chosen", "f1_result", "f1_selection", "f1_whole_body"));
        foreach (string id in truth.Keys.Order(StringComparer.Ordinal))
        {
            string html = await ExtractionEvaluator.LoadPageAsync(Path.Combine(dir, "html", id + ".html.gz"), CancellationToken.None);
            var candidates = new StrategyCandidates();
            ExtractionResult result = extractor.Extract(html.AsMemory(), urls.GetValueOrDefault(id), candidates);
            PageFeatures f = candidates.Features;
            string expected = truth[id];
            await writer.WriteLineAsync(string.Join('\t',
                id, types[id], Flag(f.DeclaresArticle), Flag(f.DeclaresDiscussion), Flag(f.DeclaresProduct), f.UrlKind.ToString(),
                Number(f.Share), Number(f.Confidence), Number(f.SelectedChars), Number(f.PageChars), Number(f.PageLinkDensity),
                Number(f.ListItems), Number(f.Paragraphs), Number(f.RestLinkDensity), Number(f.RestGoodShare), Number(f.RestSentenceEnds), candidates.Chosen.ToString(),
                Number(WordBagMetric.Compare(expected, result.Text).F1), Number(WordBagMetric.Compare(expected, candidates.Selection).F1),
                Number(WordBagMetric.Compare(expected, candidates.WholeBody).F1)));
        }

        Console.WriteLine($"{truth.Count} pages -> {output}");
        return 0;
    }

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
