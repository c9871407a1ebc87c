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
        AssertSetScoresAsEachModel(models, ClassifierTestData.ThreeClasses());
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
        AssertSetScoresAsEachModel(models, ClassifierTestData.CodeVersusProse());
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
        Assert.Equal([0, 1, 2], NgramClassifierSet.Members(models));
        AssertSetScoresAsEachModel(models, ClassifierTestData.CodeVersusProse());
    }

    [Fact]
    public void ScoreAll_CodeLineArithmeticAndPlainModels_OnePassBitIdenticalToEachModel()
    {
        NgramTrainingOptions chars = s_options with { CharNgramMin = 3, CharNgramMax = 5, CharNgramChars = 100 };
        NgramClassifier[] models =
        [
            NgramClassifierTrainer.Train("words", ClassifierTestData.CodeVersusProse(), s_options),
            NgramClassifierTrainer.Train("shape", ClassifierTestData.CodeVersusProse(), chars with { CodeLines = true }),
            NgramClassifierTrainer.Train("chars", ClassifierTestData.CodeVersusProse(), chars),
            NgramClassifierTrainer.Train("sums", ClassifierTestData.LatexMathVersusCodeAndProse(), s_options with { Arithmetic = true }),
        ];
        Assert.Equal([0, 1, 2, 3], NgramClassifierSet.Members(models));
        AssertSetScoresAsEachModel(models, [.. ClassifierTestData.CodeVersusProse(), .. ClassifierTestData.LatexMathVersusCodeAndProse(), new LabeledText("It costs 3 + 4 = 7 dollars.\nThen 7 x 2 = 14.", "1")]);
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

    /// <summary>One set of <paramref name="models"/> scores every example (and an empty text) bit-identically to each model alone.</summary>
    private static void AssertSetScoresAsEachModel(NgramClassifier[] models, IEnumerable<LabeledText> examples)
    {
        var set = new NgramClassifierSet(models);
        var scores = new double[models.Length];
        foreach (LabeledText example in examples.Concat([new LabeledText("", "x")]))
        {
            set.ScoreAll(example.Text, scores);
            for (int m = 0; m < models.Length; m++)
            {
                Assert.Equal(models[m].Score(example.Text), scores[m]);
            }
        }
    }
}
