using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class NgramClassifierSetTests
{
    private static readonly NgramTrainingOptions s_options = new() { HashBits = 14, Epochs = 3 };

    [Fact]
    public void ScoreAll_MixedKinds_BitIdenticalToEachModel()
    {
        NgramClassifier[] models =
        [
            NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_options),
            NgramClassifierTrainer.Train("kind", ClassifierTestData.ThreeClasses(), s_options),
            NgramClassifierTrainer.Train("quality", ClassifierTestData.Scored(), s_options),
        ];
        var set = new NgramClassifierSet(models);
        Span<double> scores = stackalloc double[3];

        foreach (LabeledText example in ClassifierTestData.ThreeClasses().Concat([new LabeledText("", "x")]))
        {
            set.ScoreAll(example.Text, scores);
            for (int m = 0; m < models.Length; m++)
            {
                Assert.Equal(models[m].Score(example.Text), scores[m]);
            }
        }
    }

    [Fact]
    public void ScoreAll_CharNgramModels_BitIdenticalToEachModel()
    {
        NgramTrainingOptions chars = s_options with { CharNgramMin = 2, CharNgramMax = 4, CharNgramChars = 100 };
        NgramClassifier[] models =
        [
            NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), chars),
            NgramClassifierTrainer.Train("kind", ClassifierTestData.ThreeClasses(), chars),
        ];
        var set = new NgramClassifierSet(models);
        Span<double> scores = stackalloc double[2];

        foreach (LabeledText example in ClassifierTestData.CodeVersusProse().Concat([new LabeledText("", "x")]))
        {
            set.ScoreAll(example.Text, scores);
            Assert.Equal(models[0].Score(example.Text), scores[0]);
            Assert.Equal(models[1].Score(example.Text), scores[1]);
        }
    }

    [Fact]
    public void ScoreAll_CharNgramAndWordOnlyModels_OnePassBitIdenticalToEachModel()
    {
        NgramClassifier[] models =
        [
            NgramClassifierTrainer.Train("words", ClassifierTestData.CodeVersusProse(), s_options),
            NgramClassifierTrainer.Train("chars", ClassifierTestData.CodeVersusProse(), s_options with { CharNgramMin = 3, CharNgramMax = 5, CharNgramChars = 100 }),
            NgramClassifierTrainer.Train("kind", ClassifierTestData.ThreeClasses(), s_options),
        ];
        var set = new NgramClassifierSet(models);
        Span<double> scores = stackalloc double[3];

        Assert.Equal([0, 1, 2], NgramClassifierSet.Members(models));
        foreach (LabeledText example in ClassifierTestData.CodeVersusProse().Concat([new LabeledText("", "x")]))
        {
            set.ScoreAll(example.Text, scores);
            for (int m = 0; m < models.Length; m++)
            {
                Assert.Equal(models[m].Score(example.Text), scores[m]);
            }
        }
    }

    [Fact]
    public void Create_DifferentCharNgrams_ThrowsAndMembersKeepsTheFirstOnes()
    {
        NgramClassifier words = NgramClassifierTrainer.Train("a", ClassifierTestData.CodeVersusProse(), s_options);
        NgramClassifier threeToFive = NgramClassifierTrainer.Train("b", ClassifierTestData.CodeVersusProse(), s_options with { CharNgramMin = 3, CharNgramMax = 5 });
        NgramClassifier twoToFour = NgramClassifierTrainer.Train("c", ClassifierTestData.CodeVersusProse(), s_options with { CharNgramMin = 2, CharNgramMax = 4 });

        Assert.Throws<ArgumentException>(() => new NgramClassifierSet([threeToFive, twoToFour]));
        Assert.Equal([0, 1], NgramClassifierSet.Members([words, threeToFive, twoToFour]));
    }

    [Fact]
    public void Create_DifferentHashBits_Throws()
    {
        NgramClassifier a = NgramClassifierTrainer.Train("a", ClassifierTestData.CodeVersusProse(), s_options);
        NgramClassifier b = NgramClassifierTrainer.Train("b", ClassifierTestData.CodeVersusProse(), s_options with { HashBits = 15 });

        Assert.Throws<ArgumentException>(() => new NgramClassifierSet([a, b]));
    }
}
