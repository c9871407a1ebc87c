using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Cli.Commands;

namespace CurationPipeline.Tests.Classifiers;

public sealed class ClassifiersCommandTests
{
    [Fact]
    public async Task Train_LabelFile_WritesModelAndCardWithMetricsAndCommand()
    {
        string dir = TestData.NewTempDirectory();
        string labels = Path.Combine(dir, "labels.jsonl");
        LabelFile.Write(labels, ClassifierTestData.CodeVersusProse());
        File.AppendAllText(labels, "not json\n");
        string output = Path.Combine(dir, "models");

        int code = await InvokeAsync("train", "--labels", labels, "--name", "code", "--output", output, "--bits", "14", "--epochs", "5");

        Assert.Equal(0, code);
        var model = (NgramClassifier)ClassifierLoader.Load(Path.Combine(output, "code.ngram"));
        Assert.Equal("code", model.Name);
        string card = File.ReadAllText(Path.Combine(output, "code.md"));
        Assert.Contains("held-out test", card);
        Assert.Contains("--labels " + labels, card);
        Assert.Contains(model.Threshold.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), card);
    }

    [Fact]
    public async Task Train_CharNgrams_ModelAndCardCarryThem()
    {
        string dir = TestData.NewTempDirectory();
        string labels = Path.Combine(dir, "labels.jsonl");
        LabelFile.Write(labels, ClassifierTestData.CodeVersusProse());
        string output = Path.Combine(dir, "models");

        int code = await InvokeAsync("train", "--labels", labels, "--name", "code", "--output", output, "--bits", "14", "--epochs", "5",
            "--char-ngram-min", "3", "--char-ngram-max", "5", "--char-ngram-chars", "500");

        Assert.Equal(0, code);
        var model = (NgramClassifier)ClassifierLoader.Load(Path.Combine(output, "code.ngram"));
        Assert.Equal((3, 5, 500), (model.CharNgramMin, model.CharNgramMax, model.CharNgramChars));
        Assert.Contains("char 3–5-gram (first 500 chars)", File.ReadAllText(Path.Combine(output, "code.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_CharNgramMaxAboveEight_ExitCodeOne()
    {
        string dir = TestData.NewTempDirectory();
        string labels = Path.Combine(dir, "labels.jsonl");
        LabelFile.Write(labels, ClassifierTestData.CodeVersusProse());

        Assert.Equal(1, await InvokeAsync("train", "--labels", labels, "--name", "code", "--output", dir, "--char-ngram-min", "3", "--char-ngram-max", "9"));
    }

    [Fact]
    public async Task Train_ThreeSplits_CardReportsTheSpreadAndTheFirstSplitIsTheTable()
    {
        string dir = TestData.NewTempDirectory();
        string labels = Path.Combine(dir, "labels.jsonl");
        LabelFile.Write(labels, ClassifierTestData.CodeVersusProse());
        string output = Path.Combine(dir, "models");

        int code = await InvokeAsync("train", "--labels", labels, "--name", "code", "--output", output, "--bits", "14", "--epochs", "5", "--splits", "3");

        Assert.Equal(0, code);
        var options = new ClassifierTrainingOptions { Ngram = new NgramTrainingOptions { HashBits = 14, Epochs = 5 } };
        IReadOnlyList<LabeledText> examples = LabelFile.Read(labels).Examples;
        SplitSpread spread = SplitSpread.Measure(options, 3, first: null, o => ClassifierTraining.Run("code", examples, o));
        Assert.Equal(ClassifierTraining.Run("code", examples, options).Test, spread.Tests[0]);
        Assert.Equal(spread.Tests.Average(t => t.F1), spread.MeanF1, 12);
        Assert.InRange(spread.MeanF1, spread.MinF1, spread.MaxF1);
        Assert.Contains("Across 3 stratified splits (seeds 7–9;", spread.Describe());
        Assert.Contains(spread.Describe(), File.ReadAllText(Path.Combine(output, "code.md")));
    }

    [Fact]
    public async Task Train_MissingLabelFile_ExitCodeOne()
    {
        string dir = TestData.NewTempDirectory();

        int code = await InvokeAsync("train", "--labels", Path.Combine(dir, "none.jsonl"), "--name", "x", "--output", dir);

        Assert.Equal(1, code);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public async Task Train_SingleLabel_ExitCodeOneAndNoModel()
    {
        string dir = TestData.NewTempDirectory();
        string labels = Path.Combine(dir, "labels.jsonl");
        LabelFile.Write(labels, Enumerable.Range(0, 30).Select(i => new LabeledText("text " + i, "1")));

        int code = await InvokeAsync("train", "--labels", labels, "--name", "x", "--output", Path.Combine(dir, "models"));

        Assert.Equal(1, code);
        Assert.False(Directory.Exists(Path.Combine(dir, "models")));
    }

    [Fact]
    public async Task Train_HiddenWithoutTorchOrTrainerWithoutHead_ExitCodeOne()
    {
        string dir = TestData.NewTempDirectory();
        string labels = Path.Combine(dir, "labels.jsonl");
        LabelFile.Write(labels, ClassifierTestData.CodeVersusProse());

        Assert.Equal(1, await InvokeAsync("train", "--labels", labels, "--name", "x", "--output", dir, "--kind", "head", "--hidden", "8"));
        Assert.Equal(1, await InvokeAsync("train", "--labels", labels, "--name", "x", "--output", dir, "--trainer", "torch")); // n-gram models have no trainer choice
        Assert.Empty(Directory.GetFiles(dir, "x.*"));
    }

    [Fact]
    public async Task Train_Date_CardCarriesItAndWithoutItNone()
    {
        string dir = TestData.NewTempDirectory();
        string labels = Path.Combine(dir, "labels.jsonl");
        LabelFile.Write(labels, ClassifierTestData.CodeVersusProse());

        Assert.Equal(0, await InvokeAsync("train", "--labels", labels, "--name", "code", "--output", Path.Combine(dir, "a"), "--bits", "14", "--epochs", "5", "--date", "2026-01-02"));
        Assert.Equal(0, await InvokeAsync("train", "--labels", labels, "--name", "code", "--output", Path.Combine(dir, "b"), "--bits", "14", "--epochs", "5"));

        Assert.Contains("- **Trained**: 2026-01-02, ", File.ReadAllText(Path.Combine(dir, "a", "code.md")));
        Assert.DoesNotContain("2026-", File.ReadAllText(Path.Combine(dir, "b", "code.md")));
    }

    [Fact]
    public async Task BuildStarters_QualityTwice_SameModelAndCardBytesWithLeaveOneSourceOutTable()
    {
        string classify = TestData.Shared("classify");
        string dir = TestData.NewTempDirectory();
        string output = Path.Combine(dir, "models");
        string[] args = ["build-starters", "--data", classify, "--work", Path.Combine(dir, "work"), "--output", output, "--only", "quality", "--splits", "1"];

        Assert.Equal(0, await InvokeAsync(args));
        byte[] model = File.ReadAllBytes(Path.Combine(output, "quality.ngram"));
        byte[] card = File.ReadAllBytes(Path.Combine(output, "quality.md"));
        Assert.Equal(0, await InvokeAsync(args));

        Assert.Equal(model, File.ReadAllBytes(Path.Combine(output, "quality.ngram")));
        Assert.Equal(card, File.ReadAllBytes(Path.Combine(output, "quality.md")));
        Assert.Contains("## Leave one source out", System.Text.Encoding.UTF8.GetString(card));
        Assert.Contains("| dclm-human (evaluation only) |", System.Text.Encoding.UTF8.GetString(card));
        Assert.False(File.Exists(Path.Combine(output, "code.ngram")));
        Assert.DoesNotContain(Path.Combine(dir, "work"), System.Text.Encoding.UTF8.GetString(card), StringComparison.Ordinal); // no machine path on a card
    }

    private static Task<int> InvokeAsync(params string[] args) =>
        ClassifiersCommand.Create().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
}
