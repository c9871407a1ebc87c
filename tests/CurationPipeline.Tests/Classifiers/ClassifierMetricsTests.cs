using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class ClassifierMetricsTests
{
    private static readonly double[] s_scores = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
    private static readonly bool[] s_truths = [true, true, false, true, false, true, false, false];

    [Fact]
    public void At_Threshold_CountsConfusion()
    {
        ClassifierMetrics m = ClassifierMetrics.At(s_scores, s_truths, 0.6);

        Assert.Equal((8, 4, 3, 1), (m.Count, m.Positives, m.TruePositives, m.FalsePositives));
        Assert.Equal(0.75, m.Precision);
        Assert.Equal(0.75, m.Recall);
        Assert.Equal(0.75, m.F1);
    }

    [Fact]
    public void FalsePositiveRate_Threshold_FalsePositivesOverNegatives()
    {
        Assert.Equal(0.25, ClassifierMetrics.At(s_scores, s_truths, 0.6).FalsePositiveRate);
    }

    [Fact]
    public void RankAuc_Scores_ShareOfPositiveNegativePairsOrderedRight()
    {
        // Positives 0.9, 0.8, 0.6, 0.3 beat 4, 4, 3 and 2 of the four negatives: 13 of 16 pairs.
        Assert.Equal(13 / 16.0, ClassifierMetrics.RankAuc(s_scores, s_truths));
    }

    [Fact]
    public void RankAuc_TiedScores_CountHalf()
    {
        Assert.Equal(0.5, ClassifierMetrics.RankAuc([0.5, 0.5], [true, false]));
    }

    [Fact]
    public void RankAuc_OneClass_Null()
    {
        Assert.Null(ClassifierMetrics.RankAuc([0.2, 0.7], [false, false]));
    }

    [Fact]
    public void ChooseThreshold_BestF1()
    {
        // 0.6 gives F1 0.75; 0.3 gives P 4/6, R 1, F1 0.8.
        Assert.Equal(0.3, ClassifierMetrics.ChooseThreshold(s_scores, s_truths, null));
    }

    [Fact]
    public void ChooseThreshold_PrecisionFloor_BestRecallAtFloor()
    {
        Assert.Equal(0.6, ClassifierMetrics.ChooseThreshold(s_scores, s_truths, 0.75));
        Assert.Equal(0.8, ClassifierMetrics.ChooseThreshold(s_scores, s_truths, 1.0));
    }

    [Fact]
    public void Spearman_MonotoneReversedTiedAndConstant()
    {
        Assert.Equal(1, ClassifierMetrics.Spearman([0.1, 0.5, 0.7, 0.9], [0, 1, 3, 5])!.Value, 12);
        Assert.Equal(-1, ClassifierMetrics.Spearman([0.9, 0.5, 0.2, 0.1], [0, 1, 3, 5])!.Value, 12);
        // Ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4: r = 4.5 / sqrt(4.5 * 5).
        Assert.Equal(4.5 / Math.Sqrt(4.5 * 5), ClassifierMetrics.Spearman([1, 2, 2, 3], [1, 2, 3, 4])!.Value, 12);
        Assert.Null(ClassifierMetrics.Spearman([0.3, 0.3, 0.3], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => ClassifierMetrics.Spearman([1, 2], [1]));
    }
}
