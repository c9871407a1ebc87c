using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

/// <summary>Held-out checks on the shared classify data and the shipped models in classifiers/.</summary>
public sealed class StarterClassifierTests
{
    private static string Classify => TestData.Shared("classify");

    [Theory]
    [InlineData("math", 0.95)]
    [InlineData("code", 0.75)] // its held-out split holds short doc-site sections since issue 19 (the shipped recipe: F1 0.908)
    public void Run_StarterData_HeldOutF1AboveFloor(string name, double floor)
    {
        IReadOnlyList<LabeledText> examples = StarterDatasets.Build(Classify, name);
        var options = new ClassifierTrainingOptions { Ngram = new NgramTrainingOptions { HashBits = 18, Epochs = 8 } };

        ClassifierTrainingResult result = ClassifierTraining.Run(name, examples, options);

        Assert.True(result.Test.F1 >= floor, ClassifierModelCard.Summary("test", result.Test));
        Assert.Equal(examples.Count, result.TrainCount + result.Validation.Count + result.Test.Count);
    }

    [Fact]
    public void Build_Safety_TrainingSourcesOnlyWithTheirOwnLabels()
    {
        IReadOnlyList<LabeledText> examples = StarterDatasets.Build(Classify, "safety");

        // Positives: Jigsaw 53, OLID 4,400 + 240 OFF, Stormfront 1,196 hate, Gab 707 hd/cv/vo, ConvAbuse 578 majority-abusive.
        Assert.Equal(53 + 4_640 + 1_196 + 707 + 578, examples.Count(e => e.Label == "1"));
        Assert.Equal(397 + 500 + 9_460 + 9_506 + 4_803 + 3_468, examples.Count(e => e.Label == "0"));
    }

    [Theory]
    [InlineData("safety", "davidson", 24_783, 20_620, true)]
    [InlineData("safety", "stormfront", 10_702, 1_196, false)]
    [InlineData("safety", "convabuse", 4_046, 578, false)]
    [InlineData("safety", "hatecheck", 3_728, 2_563, true)]
    [InlineData("safety", "gab-hate-corpus", 5_510, 707, false)]
    [InlineData("hate", "gab-hate-corpus", 5_510, 509, false)]
    [InlineData("hate", "stormfront", 10_702, 1_196, false)]
    [InlineData("hate", "jigsaw", 403, 6, false)]
    [InlineData("hate", "olid", 9_460, 0, false)]
    [InlineData("hate", "convabuse", 3_468, 0, false)]
    [InlineData("hate", "davidson", 5_593, 1_430, true)]
    [InlineData("hate", "hatecheck", 3_728, 2_563, true)]
    [InlineData("quality", "dclm-human", 499, 272, true)]
    [InlineData("quality", "hplt-inspection", 200, 170, true)]
    [InlineData("quality", "fineweb-edu-train1k", 1_000, 80, false)]
    public void BuildSources_Source_CountsFromSourcesMd(string name, string source, int count, int positives, bool evaluationOnly)
    {
        LabeledSource found = Assert.Single(StarterDatasets.BuildSources(Classify, name), s => s.Name == source);

        Assert.Equal((count, positives, evaluationOnly), (found.Examples.Count, found.Examples.Count(e => e.Label == "1"), found.EvaluationOnly));
    }

    [Fact]
    public void BuildSources_Math_EverySourceIsOneClassAndBuildIsTheirConcatenation()
    {
        IReadOnlyList<LabeledSource> sources = StarterDatasets.BuildSources(Classify, "math");

        Assert.All(sources, s => Assert.Single(s.Examples.Select(e => e.Label).Distinct()));
        Assert.Equal(sources.SelectMany(s => s.Examples).Select(e => e.Text), StarterDatasets.Build(Classify, "math").Select(e => e.Text));
    }

    [Fact]
    public void BuildSources_Code_PagesWithoutSiteHeadersAndDocSitesWithLabelledSections()
    {
        IReadOnlyList<LabeledSource> sources = StarterDatasets.BuildSources(Classify, "code");
        LabeledSource[] sites = [.. sources.Where(s => s.Name is "vuejs-docs" or "golang-doc")];

        Assert.All(sources.Where(s => s.Name.StartsWith("golang", StringComparison.Ordinal) || s.Name == "vuejs-docs").SelectMany(s => s.Examples),
            e => Assert.False(e.Text.StartsWith("---\n", StringComparison.Ordinal) || e.Text.StartsWith("<!--{", StringComparison.Ordinal) || e.Text.Contains("{{image ", StringComparison.Ordinal)));
        Assert.All(sites, s => Assert.Contains(s.TrainingExtras, e => e.Label == "1"));
        Assert.All(sites, s => Assert.Contains(s.TrainingExtras, e => e.Label == "0"));
        Assert.All(sources.Where(s => !sites.Contains(s)), s => Assert.Empty(s.TrainingExtras));
        Assert.Equal(sources.Sum(s => s.Examples.Count + s.TrainingExtras.Count), StarterDatasets.Build(Classify, "code").Count);
        Assert.All(StarterDatasets.HeadSources("code", sources), s => Assert.Empty(s.TrainingExtras)); // the head trains on the pages alone
        Assert.Equal(sources.Select(s => s.Examples), StarterDatasets.HeadSources("code", sources).Select(s => s.Examples));
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
    [InlineData("math", "A baker makes 12 loaves a day and sells them for 3 euros each. How much does she earn in a week?\n\nShe earns 12 loaves x 3 = 36 euros a day.\nIn a week she earns 36 x 7 = 252 euros.", true)]
    [InlineData("math", "The cathedral was rebuilt after the fire of 1666, and its dome became a landmark of the city skyline.", false)]
    [InlineData("safety", "The cathedral was rebuilt after the fire of 1666, and its dome became a landmark of the city skyline.", false)]
    public void Load_ShippedModel_ScoresClearCasesOnTheRightSide(string name, string text, bool positive)
    {
        var model = (NgramClassifier)ClassifierLoader.Load(Path.Combine(TestData.RepoRoot, "classifiers", name + ".ngram"));

        Assert.Equal(name, model.Name);
        Assert.Equal(positive, model.Score(text) >= model.Threshold);
    }
}
