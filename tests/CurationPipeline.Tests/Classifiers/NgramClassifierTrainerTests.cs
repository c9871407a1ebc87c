using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class NgramClassifierTrainerTests
{
    private static readonly NgramTrainingOptions s_small = new() { HashBits = 14, Epochs = 10 };

    [Fact]
    public void Train_SameSeed_IdenticalModelBytes()
    {
        byte[] first = Bytes(NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_small));
        byte[] second = Bytes(NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_small));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_CharNgramsSameSeed_IdenticalModelBytes()
    {
        NgramTrainingOptions chars = s_small with { CharNgramMin = 2, CharNgramMax = 5 };
        byte[] first = Bytes(NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), chars));
        byte[] second = Bytes(NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), chars));

        Assert.Equal(first, second);
        Assert.NotEqual(Bytes(NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_small)), first);
    }

    [Theory]
    [InlineData(0, 3, "CharNgramMin")]
    [InlineData(4, 3, "CharNgramMax")]
    [InlineData(2, 9, "CharNgramMax")]
    public void Train_CharNgramsOutOfRange_ThrowsNamingTheProperty(int min, int max, string property)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_small with { CharNgramMin = min, CharNgramMax = max }));

        Assert.Equal(property, e.ParamName);
    }

    [Fact]
    public void Train_OtherSeed_DifferentWeights()
    {
        byte[] first = Bytes(NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_small));
        byte[] second = Bytes(NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_small with { Seed = 2 }));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Train_Binary_SeparatesUnseenCodeFromProse()
    {
        NgramClassifier model = NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_small);

        Assert.Equal(ClassifierKind.Binary, model.Kind);
        Assert.Equal(["0", "1"], model.Labels);
        double code = model.Score("x := compute(a, b); if x > 0 { return x }");
        double prose = model.Score("The council held a festival in the old town.");
        Assert.True(code > 0.7 && prose < 0.4, $"code {code}, prose {prose}");
    }

    [Fact]
    public void Train_ThreeLabels_MulticlassScoreIsOneMinusNegative()
    {
        NgramClassifier model = NgramClassifierTrainer.Train("kind", ClassifierTestData.ThreeClasses(), s_small);
        Span<double> p = stackalloc double[3];
        const string text = "Why does fmt happen, and how can I fix it?";
        model.ScoreLabels(text, p);

        Assert.Equal(ClassifierKind.Multiclass, model.Kind);
        Assert.Equal("neither", model.NegativeLabel);
        Assert.Equal(1.0, p[0] + p[1] + p[2], 9);
        Assert.Equal("question", model.Labels[p.IndexOf(Max(p))]);
        Assert.Equal(1 - p[model.Labels.IndexOf("neither")], model.Score(text), 12);
    }

    [Fact]
    public void Train_Scores_RegressionTracksTarget()
    {
        NgramClassifier model = NgramClassifierTrainer.Train("quality", ClassifierTestData.Scored(), s_small with { Epochs = 40 });

        Assert.Equal(ClassifierKind.Regression, model.Kind);
        Assert.True(model.Score("excellent excellent excellent excellent a page about topic 99") > model.Score("a page about topic 99") + 1.5);
    }

    [Fact]
    public void Train_SingleLabel_Throws()
    {
        List<LabeledText> examples = [new("a", "1"), new("b", "1")];

        Assert.Throws<ArgumentException>(() => NgramClassifierTrainer.Train("x", examples, s_small));
    }

    [Fact]
    public void Train_UnknownNegativeLabel_Throws()
    {
        Assert.Throws<ArgumentException>(() => NgramClassifierTrainer.Train("x", ClassifierTestData.CodeVersusProse(), s_small with { NegativeLabel = "nope" }));
    }

    [Fact]
    public void Train_HashBitsOutOfRange_ThrowsNamingTheProperty()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NgramClassifierTrainer.Train("x", ClassifierTestData.CodeVersusProse(), s_small with { HashBits = 30 }));
        Assert.Equal(nameof(NgramTrainingOptions.HashBits), e.ParamName);
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.MinValue;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static byte[] Bytes(NgramClassifier model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
