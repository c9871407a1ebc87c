using CurationPipeline.Classifiers;

namespace CurationPipeline.Tests.Classifiers;

public sealed class QualityBucketsTests
{
    private static readonly QualityBucketOptions s_options = new()
    {
        Edges = new Dictionary<string, IReadOnlyList<double>>
        {
            ["quality"] = [0.2, 0.4, 0.6, 0.8],
            ["edu"] = [1, 2, 3, 4],
        },
    };

    [Theory]
    [InlineData(0.1, 0.5, 0)]   // neither reaches an edge
    [InlineData(0.2, 0.5, 1)]   // an edge is reached at equality
    [InlineData(0.65, 1.5, 3)]  // quality's bucket is the higher
    [InlineData(0.3, 4.5, 4)]   // edu's bucket is the higher: one model's high rating is enough
    [InlineData(double.NaN, 2.0, 2)] // a missing score counts as bucket 0
    public void Bucket_IsTheHighestBucketAnyClassifierGives(double quality, double edu, int expected)
    {
        var buckets = new QualityBuckets(s_options, ["code", "edu", "quality"]);

        Assert.Equal(expected, buckets.Bucket([0.9, edu, quality]));
    }

    [Fact]
    public void Create_UnknownClassifier_FailsNamingTheOnesScored()
    {
        var e = Assert.Throws<ArgumentException>(() => new QualityBuckets(s_options, ["quality", "code"]));

        Assert.Contains("'edu'", e.Message, StringComparison.Ordinal);
        Assert.Contains("quality, code", e.Message, StringComparison.Ordinal);
    }
}
