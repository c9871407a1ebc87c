using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class LabeledSourceTests
{
    [Fact]
    public void Sample_LargerSource_StratifiedSeededInOriginalOrder()
    {
        var source = new LabeledSource("tweets", [.. Enumerable.Range(0, 1000).Select(i => new LabeledText($"t{i:D4}", i % 4 == 0 ? "1" : "0"))]);

        LabeledSource sample = source.Sample(100, seed: 11);

        Assert.Equal(100, sample.Examples.Count);
        Assert.Equal(25, sample.Examples.Count(e => e.Label == "1"));
        Assert.Equal(sample.Examples.Select(e => e.Text).Order(StringComparer.Ordinal), sample.Examples.Select(e => e.Text));
        Assert.Equal(sample.Examples, source.Sample(100, seed: 11).Examples);
        Assert.NotEqual(sample.Examples, source.Sample(100, seed: 12).Examples);
        Assert.Equal("tweets", sample.Name);
    }

    [Fact]
    public void Sample_NoLargerThanTheCap_TheSourceItself()
    {
        var source = new LabeledSource("small", [new("a", "1"), new("b", "0")]);

        Assert.Same(source, source.Sample(2, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.Sample(0, seed: 1));
    }
}
