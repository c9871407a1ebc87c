using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

/// <summary>Held-out checks on the shared classify data and the shipped models in classifiers/.</summary>
public sealed class StarterClassifierTests
{
    private static string Classify => TestData.Shared("classify");

    [Theory]
    [InlineData("math", 0.95)]
    [InlineData("code", 0.8)]
    public void Run_StarterData_HeldOutF1AboveFloor(string name, double floor)
    {
        IReadOnlyList<LabeledText> examples = StarterDatasets.Build(Classify, name);
        var options = new ClassifierTrainingOptions { Ngram = new NgramTrainingOptions { HashBits = 18, Epochs = 8 } };

        ClassifierTrainingResult result = ClassifierTraining.Run(name, examples, options);

        Assert.True(result.Test.F1 >= floor, ClassifierModelCard.Summary("test", result.Test));
        Assert.Equal(examples.Count, result.TrainCount + result.Validation.Count + result.Test.Count);
    }

    [Fact]
    public void Run_SafetyStarter_HeldOutRecallAtPrecisionFloor()
    {
        IReadOnlyList<LabeledText> examples = StarterDatasets.Build(Classify, "safety");
        var options = new ClassifierTrainingOptions { Ngram = new NgramTrainingOptions { HashBits = 18, Epochs = 8 } };

        ClassifierMetrics test = ClassifierTraining.Run("safety", examples, options).Test;

        Assert.True(test.Recall >= 0.9 && test.Precision >= 0.7, ClassifierModelCard.Summary("test", test));
    }

    [Fact]
    public void Build_Safety_LabelsFollowDavidsonClasses()
    {
        IReadOnlyList<LabeledText> examples = StarterDatasets.Build(Classify, "safety");

        // Davidson: 20,620 hate/offensive + 4,163 neither; Jigsaw: 53 toxic of 450; 500 FineWeb-Edu negatives.
        Assert.Equal(20_620 + 53, examples.Count(e => e.Label == "1"));
        Assert.Equal(4_163 + 397 + 500, examples.Count(e => e.Label == "0"));
    }

    [Fact]
    public void Build_UnknownName_Throws()
    {
        Assert.Throws<ArgumentException>(() => StarterDatasets.Build(Classify, "spam"));
    }

    [Theory]
    [InlineData("code", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Println(i)\n\t}\n}\n", true)]
    [InlineData("code", "The cathedral was rebuilt after the fire of 1666, and its dome became a landmark of the city skyline.", false)]
    [InlineData("math", "Let $f(x) = x^2 + 3x$. Find all real $x$ such that $f(x) = 10$. Solution: $x^2 + 3x - 10 = 0$, so $(x+5)(x-2)=0$ and $x = 2$ or $x = -5$.", true)]
    [InlineData("math", "The cathedral was rebuilt after the fire of 1666, and its dome became a landmark of the city skyline.", false)]
    [InlineData("safety", "The cathedral was rebuilt after the fire of 1666, and its dome became a landmark of the city skyline.", false)]
    public void Load_ShippedModel_ScoresClearCasesOnTheRightSide(string name, string text, bool positive)
    {
        var model = (NgramClassifier)ClassifierLoader.Load(Path.Combine(TestData.RepoRoot, "classifiers", name + ".ngram"));

        Assert.Equal(name, model.Name);
        Assert.Equal(positive, model.Score(text) >= model.Threshold);
    }
}
