using System.IO.Compression;
using System.Text;
using CurationPipeline.Extraction;
using CurationPipeline.Extraction.Evaluation;

namespace CurationPipeline.Tests.Extraction;

public sealed class WcxbEvaluatorTests
{
    private const string WcxbDev = "extraction/wcxb-dev";

    [Fact]
    public void Compare_HandComputedBags_LowerCasedMultisetOverlap()
    {
        // Reference bag: the ×2, cat, sat; prediction bag: the ×3, cat, ran → overlap the ×2 + cat = 3.
        (double p, double r, double f1) = WordBagMetric.Compare("The cat sat, the end?", "the THE the cat ran");

        Assert.Equal(3.0 / 5, p, 6);
        Assert.Equal(3.0 / 5, r, 6); // reference words: the, cat, sat, the, end
        Assert.Equal(3.0 / 5, f1, 6);
    }

    [Theory]
    [InlineData("", "", 1.0)]
    [InlineData("", "anything", 0.0)]
    [InlineData("some words", "", 0.0)]
    public void Compare_EmptySides_DefinedScores(string truth, string prediction, double expected)
    {
        (double p, double r, double f1) = WordBagMetric.Compare(truth, prediction);

        Assert.Equal(expected, p);
        Assert.Equal(expected, r);
        Assert.Equal(expected, f1);
    }

    [Fact]
    public void Score_TwoTypes_MeansPerPageAndPerType()
    {
        var truth = new Dictionary<string, string> { ["1"] = "a b c d", ["2"] = "e f", ["3"] = "g h" };
        var types = new Dictionary<string, string> { ["1"] = "forum", ["2"] = "forum", ["3"] = "article" };
        var predictions = new Dictionary<string, string> { ["1"] = "a b", ["2"] = "e f", ["3"] = "g h x y" };

        WcxbEvaluation result = WcxbEvaluator.Score(truth, types, predictions);

        PageTypeScore forum = result.ByPageType.Single(t => t.PageType == "forum");
        Assert.Equal(2, forum.Pages);
        Assert.Equal(1.0, forum.Precision, 6);
        Assert.Equal((0.5 + 1) / 2, forum.Recall, 6);
        Assert.Equal((2 * 0.5 / 1.5 + 1) / 2, forum.F1, 6);
        Assert.Equal("forum", result.ByPageType[0].PageType); // most pages first
        Assert.Equal(3, result.Overall.Pages);
        Assert.Equal((1 + 1 + 0.5) / 3, result.Overall.Precision, 6);
    }

    [Fact]
    public async Task EvaluateAsync_TinyFolderWithGroundTruthFolder_ScoresEveryPage()
    {
        string dir = WriteTinyBenchmark();
        // The page is one short line: kept whatever its confidence.
        var evaluator = new WcxbEvaluator(new MainContentExtractor(new ExtractionOptions { MinLowConfidenceWords = 0 }));

        WcxbEvaluation result = await evaluator.EvaluateAsync(dir, TestContext.Current.CancellationToken);

        WcxbItemScore item = Assert.Single(result.Items);
        Assert.Equal("service", item.PageType);
        Assert.Equal(1.0, item.Recall, 6);
    }

    [Fact]
    public async Task LoadGroundTruthAsync_SharedDevArchive_1356PagesInSevenTypes()
    {
        (IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> types) =
            await WcxbEvaluator.LoadGroundTruthAsync(TestData.Shared(WcxbDev), TestContext.Current.CancellationToken);

        // 1,358 pages, less 4802 and 4893 which have no main_content.
        Assert.Equal(1356, truth.Count);
        Assert.DoesNotContain("4802", truth.Keys);
        Assert.Equal(7, types.Values.Distinct().Count());
        Assert.Equal(710, types.Values.Count(t => t == "article"));
    }

    [Fact]
    public async Task EvaluateAsync_WcxbDev_F1AboveFloor()
    {
        // Reached 0.8705 (article 0.951, forum 0.795, product 0.651) when this floor was last raised to issue 18's aim (eighth pass:
        // noscript repair, swallowed chrome, link-dense ambiguous cues); WCXB dev is the tuning set, so this guards against regressions
        // rather than measuring generalisation.
        var evaluator = new WcxbEvaluator(new MainContentExtractor(new ExtractionOptions()));

        WcxbEvaluation result = await evaluator.EvaluateAsync(TestData.Shared(WcxbDev), TestContext.Current.CancellationToken);

        Assert.Equal(1356, result.Items.Length);
        Assert.True(result.Overall.F1 >= 0.87, $"F1 {result.Overall.F1:F4} < 0.87");
        Assert.True(result.ByPageType.Single(t => t.PageType == "article").F1 >= 0.945, "article F1 below 0.945");
        Assert.True(result.ByPageType.Single(t => t.PageType == "forum").F1 >= 0.79, "forum F1 below 0.79");
        Assert.True(result.ByPageType.Single(t => t.PageType == "product").F1 >= 0.645, "product F1 below 0.645");
    }

    /// <summary>A one-page WCXB folder: metadata.json, html/0001.html.gz and ground-truth/0001.json.</summary>
    internal static string WriteTinyBenchmark()
    {
        string dir = TestData.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "html"));
        Directory.CreateDirectory(Path.Combine(dir, "ground-truth"));
        File.WriteAllText(Path.Combine(dir, "metadata.json"), """{"files": {"0001": {"split": "dev", "page_type": "service"}}}""");
        File.WriteAllText(Path.Combine(dir, "ground-truth", "0001.json"),
            """{"ground_truth": {"main_content": "We repair bicycles of every kind, quickly and at a fair price."}}""");
        using (FileStream file = File.Create(Path.Combine(dir, "html", "0001.html.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(
                "<html><body><nav><a href='/'>Home</a></nav><main><p>We repair bicycles of every kind, quickly and at a fair price.</p></main></body></html>"));
        }

        return dir;
    }
}
