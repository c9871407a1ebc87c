using CurationPipeline.Extraction.Evaluation;

namespace CurationPipeline.Tests.Extraction;

public sealed class ShingleMetricTests
{
    [Fact]
    public void Tokenize_UnicodeWordChars_MatchPythonBackslashW()
    {
        // Letters, digits, other numbers (²) and '_' are word chars; punctuation and combining marks (U+0301) split, as in Python's re.
        Assert.Equal(["Olá", "mundo_1", "x²", "東京", "cafe", "x"], ShingleMetric.Tokenize("Olá, mundo_1! x² 東京—cafe\u0301 x"));
    }

    [Fact]
    public void Compare_HandComputedCases()
    {
        // truth shingles: "a b c d", "b c d e"; prediction: "a b c d" only.
        Assert.Equal((1, 0, 1), ShingleMetric.Compare("a b c d e", "a b c d"));
        // Fewer than four tokens form one shingle of all of them.
        Assert.Equal((1, 0, 0), ShingleMetric.Compare("a b", "a, b."));
        Assert.Equal((0, 1, 1), ShingleMetric.Compare("a b", "a c"));
        // Multiset: the prediction repeats a shingle the truth has once.
        // Multiset: "w x y z" appears twice in the prediction (one FP) besides three shingles the truth lacks.
        Assert.Equal((1, 4, 0), ShingleMetric.Compare("w x y z", "w x y z w x y z"));
        Assert.Equal((0, 0, 0), ShingleMetric.Compare("", "..."));
    }
}
