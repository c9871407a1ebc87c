using System.Text.Json;

namespace CurationPipeline.Tests.Filters;

/// <summary>Real extracted web text: the article bodies of the scrapinghub extraction benchmark's ground truth.</summary>
internal static class RealText
{
    public const string GroundTruth = "extraction/scrapinghub/ground-truth.json";

    private static readonly Lazy<IReadOnlyList<string>> s_articles = new(() =>
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(TestData.Shared(GroundTruth)));
        return json.RootElement.EnumerateObject()
            .Select(p => p.Value.GetProperty("articleBody").GetString() ?? "")
            .Where(t => t.Length > 0)
            .ToArray();
    });

    public static IReadOnlyList<string> Articles() => s_articles.Value;
}
