using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class ThresholdCeilingTests
{
    [Fact]
    public void Measure_PerfectRanking_OracleF1OneAtTheLowestPositiveScore()
    {
        ThresholdCeiling ceiling = ThresholdCeiling.Measure([0.1, 0.2, 0.3, 0.8, 0.9], [false, false, false, true, true], 0.7)!;

        Assert.Equal(1, ceiling.BestF1.F1);
        Assert.Equal(0.8, ceiling.BestF1.Threshold);
        Assert.Equal(1, ceiling.AtPrecision!.Recall);
    }

    [Fact]
    public void Measure_SameAsTryingEveryThreshold()
    {
        var random = new Random(3);
        double[] scores = [.. Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble(), 2))];
        bool[] truths = [.. scores.Select(s => random.NextDouble() < s)];

        ThresholdCeiling ceiling = ThresholdCeiling.Measure(scores, truths, 0.7)!;

        // ClassifierMetrics.ChooseThreshold tries every distinct score, one pass each.
        Assert.Equal(ClassifierMetrics.At(scores, truths, ClassifierMetrics.ChooseThreshold(scores, truths, null)).F1, ceiling.BestF1.F1, 12);
        Assert.Equal(ClassifierMetrics.At(scores, truths, ClassifierMetrics.ChooseThreshold(scores, truths, 0.7)).Recall, ceiling.AtPrecision!.Recall, 12);
        Assert.Equal(ClassifierMetrics.At(scores, truths, ceiling.BestF1.Threshold), ceiling.BestF1);
    }

    [Fact]
    public void Measure_NoThresholdReachesThePrecision_NoAtPrecision()
    {
        ThresholdCeiling ceiling = ThresholdCeiling.Measure([0.9, 0.8, 0.1], [false, true, false], 0.7)!;

        Assert.Null(ceiling.AtPrecision);
        Assert.Equal(2.0 / 3, ceiling.BestF1.F1, 12);
    }

    [Fact]
    public void Measure_OneClass_Null()
    {
        Assert.Null(ThresholdCeiling.Measure([0.2, 0.4], [true, true], 0.7));
        Assert.Null(ThresholdCeiling.Measure([0.2, 0.4], [false, false], 0.7));
    }

    [Fact]
    public void Evaluate_CeilingPrecision_RowsCarryTheCeilingAndTheCardItsTable()
    {
        LabeledSource[] sources =
        [
            new("a", [new("x", "1"), new("y", "0"), new("z", "0")]),
            new("b", [new("x", "1"), new("y", "0")]),
            new("c", [new("y", "0")]),
        ];
        var scores = new OutOfSourceScores([[0.9, 0.2, 0.6], [0.4, 0.5], [0.1]], [2, 3, 4], [0.5, 0.5, 0.5], "0");

        LeaveOneSourceOutResult result = LeaveOneSourceOut.Evaluate(sources, scores, new ClassifierTrainingOptions { CeilingPrecision = 0.7 });
        string table = ClassifierModelCard.CeilingTable([("n-gram", result.Rows)]);

        Assert.Equal(1, result.Rows[0].Ceiling!.BestF1.F1);
        Assert.Null(result.Rows[1].Ceiling!.AtPrecision);
        Assert.Null(result.Rows[2].Ceiling);
        Assert.Contains("| a | n-gram | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |", table, StringComparison.Ordinal);
        Assert.Contains("| b | n-gram | 0.000 | 0.667 | 0.500 | 1.000 | — |", table, StringComparison.Ordinal);
        Assert.DoesNotContain("| c |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithoutCeilingPrecision_NoCeiling()
    {
        LabeledSource[] sources = [new("a", [new("x", "1"), new("y", "0")]), new("b", [new("x", "1"), new("y", "0")])];
        var scores = new OutOfSourceScores([[0.9, 0.2], [0.4, 0.5]], [2, 2], [0.5, 0.5], "0");

        Assert.All(LeaveOneSourceOut.Evaluate(sources, scores, new ClassifierTrainingOptions()).Rows, r => Assert.Null(r.Ceiling));
    }
}
