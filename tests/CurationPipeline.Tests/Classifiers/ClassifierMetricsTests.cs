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
}
