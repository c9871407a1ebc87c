using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class LeaveOneSourceOutTests
{
    private static readonly ClassifierTrainingOptions s_options = new() { Ngram = new NgramTrainingOptions { HashBits = 14, Epochs = 5 } };

    [Fact]
    public void Run_FourSourcesAndAnEvaluationOnlyOne_OneRowPerSourceInOrder()
    {
        IReadOnlyList<LabeledSource> sources = Sources();

        IReadOnlyList<SourceHoldout> rows = LeaveOneSourceOut.Run("code", sources, s_options);

        Assert.Equal(sources.Select(s => s.Name), rows.Select(r => r.Source));
        Assert.Equal(sources.Select(s => s.Examples.Count), rows.Select(r => r.Metrics.Count));
        Assert.Equal([false, false, false, false, true], rows.Select(r => r.EvaluationOnly));
    }

    [Fact]
    public void Run_SameInput_SameRows()
    {
        Assert.Equal(LeaveOneSourceOut.Run("code", Sources(), s_options), LeaveOneSourceOut.Run("code", Sources(), s_options));
    }

    [Fact]
    public void Run_LeftOutSource_ModelTrainedOnTheOthersOnly()
    {
        IReadOnlyList<LabeledSource> sources = Sources();
        ClassifierTrainingResult withoutFirst = ClassifierTraining.Run("code", [.. sources.Skip(1).SkipLast(1).SelectMany(s => s.Examples)], s_options);

        SourceHoldout first = LeaveOneSourceOut.Run("code", sources, s_options)[0];

        Assert.Equal(withoutFirst.TrainCount, first.TrainCount);
        Assert.Equal(withoutFirst.Classifier.Threshold, first.Metrics.Threshold);
    }

    [Fact]
    public void Run_EvaluationOnlySource_ModelTrainedOnEveryTrainingSourceAndOnlyNegativesGiveNoAuc()
    {
        IReadOnlyList<LabeledSource> sources = Sources();
        ClassifierTrainingResult all = ClassifierTraining.Run("code", [.. sources.SkipLast(1).SelectMany(s => s.Examples)], s_options);

        SourceHoldout prose = LeaveOneSourceOut.Run("code", sources, s_options)[^1];

        Assert.Equal(all.TrainCount, prose.TrainCount);
        Assert.Equal(all.Classifier.Threshold, prose.Metrics.Threshold);
        Assert.Equal(0, prose.Metrics.Positives);
        Assert.Null(prose.RankAuc);
    }

    [Fact]
    public void Evaluate_ThresholdFromOtherSources_SameModelsAndTheEvaluationOnlyRowAtTheOutOfSourceThreshold()
    {
        LeaveOneSourceOutResult validation = LeaveOneSourceOut.Evaluate("code", Sources(), s_options);
        LeaveOneSourceOutResult outOfSource = LeaveOneSourceOut.Evaluate("code", Sources(), s_options with { ThresholdFromOtherSources = true });

        // The threshold rule changes no model, so every threshold-free figure is the same.
        Assert.Equal(validation.Rows.Select(r => (r.TrainCount, r.Metrics.Count, r.Metrics.Positives, r.RankAuc)), outOfSource.Rows.Select(r => (r.TrainCount, r.Metrics.Count, r.Metrics.Positives, r.RankAuc)));
        Assert.Equal(validation.OutOfSourceThreshold, outOfSource.OutOfSourceThreshold);
        Assert.Equal(outOfSource.OutOfSourceThreshold, outOfSource.Rows[^1].Metrics.Threshold);
        Assert.InRange(outOfSource.OutOfSourceThreshold, 0, 1);
    }

    [Fact]
    public void Run_FixedThreshold_ModelAndValidationUseIt()
    {
        ClassifierTrainingResult result = ClassifierTraining.Run("code", ClassifierTestData.CodeVersusProse(), s_options with { Threshold = 0.42 });

        Assert.Equal(0.42, result.Classifier.Threshold);
        Assert.Equal(0.42, result.Validation.Threshold);
        Assert.Equal(0.42, result.Test.Threshold);
    }

    [Fact]
    public void Run_OneTrainingSource_Throws()
    {
        IReadOnlyList<LabeledSource> sources = Sources();

        Assert.Throws<ArgumentException>(() => LeaveOneSourceOut.Run("code", [sources[0], sources[^1]], s_options));
    }

    [Fact]
    public void Evaluate_GivenScores_SameRowsAsTheNgramRecipe()
    {
        IReadOnlyList<LabeledSource> sources = Sources();
        ClassifierTrainingOptions options = s_options with { ThresholdFromOtherSources = true };

        OutOfSourceScores scores = LeaveOneSourceOut.Score(sources, LeaveOneSourceOut.NgramFolds("code", sources, sources, options));

        LeaveOneSourceOutResult expected = LeaveOneSourceOut.Evaluate("code", sources, options);
        LeaveOneSourceOutResult actual = LeaveOneSourceOut.Evaluate(sources, scores, options);

        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.OutOfSourceThreshold, actual.OutOfSourceThreshold);
    }

    [Fact]
    public void Mean_OfScoresWithThemselves_SameRows_AndOfTwoTheMeanPerExample()
    {
        IReadOnlyList<LabeledSource> sources = Sources();
        OutOfSourceScores scores = LeaveOneSourceOut.Score(sources, LeaveOneSourceOut.NgramFolds("code", sources, sources, s_options));
        OutOfSourceScores other = LeaveOneSourceOut.Score(sources, LeaveOneSourceOut.NgramFolds("code", sources, sources, s_options with { Ngram = s_options.Ngram with { Seed = 5 } }));

        OutOfSourceScores mean = OutOfSourceScores.Mean(scores, other);

        Assert.Equal(LeaveOneSourceOut.Evaluate(sources, scores, s_options).Rows, LeaveOneSourceOut.Evaluate(sources, OutOfSourceScores.Mean(scores, scores), s_options).Rows);
        Assert.Equal((scores.Scores[0][3] + other.Scores[0][3]) / 2, mean.Scores[0][3]);
        Assert.Equal((scores.Thresholds[1] + other.Thresholds[1]) / 2, mean.Thresholds[1]);
        Assert.Throws<ArgumentException>(() => OutOfSourceScores.Mean(scores, scores with { Scores = [.. scores.Scores.Skip(1)] }));
    }

    [Fact]
    public void Evaluate_SourceWithScores_RowHasTheirRankCorrelation()
    {
        List<LabeledSource> sources = Sources();
        sources[0] = sources[0] with { Examples = [.. sources[0].Examples.Select((e, i) => e with { Value = i % 6 })] };
        OutOfSourceScores scores = LeaveOneSourceOut.Score(sources, LeaveOneSourceOut.NgramFolds("code", sources, sources, s_options));

        IReadOnlyList<SourceHoldout> rows = LeaveOneSourceOut.Evaluate(sources, scores, s_options).Rows;

        Assert.Equal(ClassifierMetrics.Spearman(scores.Scores[0], [.. sources[0].Examples.Select(e => e.Value)]), rows[0].Spearman);
        Assert.NotNull(rows[0].Spearman);
        Assert.All(rows.Skip(1), r => Assert.Null(r.Spearman));
    }

    [Fact]
    public void Run_SourceWithTrainingExtras_TrainedOnWithItNeverTested()
    {
        List<LabeledSource> sources = Sources();
        LabeledText[] extras = [new("x := 1", "1"), new("A short walk to the harbour.", "0")];
        sources[1] = sources[1] with { TrainingExtras = extras };
        int withExtras = LeaveOneSourceOut.TrainingExamples(sources, -1).Count;

        IReadOnlyList<SourceHoldout> rows = LeaveOneSourceOut.Run("code", sources, s_options);

        Assert.Equal(sources.SkipLast(1).Sum(s => s.Examples.Count) + extras.Length, withExtras);
        Assert.Equal(sources[1].Examples.Count, rows[1].Metrics.Count);
        Assert.Equal(ClassifierTraining.Run("code", LeaveOneSourceOut.TrainingExamples(sources, 1), s_options).TrainCount, rows[1].TrainCount);
        Assert.Equal(ClassifierTraining.Run("code", LeaveOneSourceOut.TrainingExamples(sources, 0), s_options).TrainCount, rows[0].TrainCount);
        Assert.DoesNotContain(extras[0], LeaveOneSourceOut.TrainingExamples(sources, 1));
        Assert.Contains(extras[0], LeaveOneSourceOut.TrainingExamples(sources, 0));
    }

    /// <summary>The code-versus-prose set split by its copy suffix into four training sources, plus prose-only sentences to test on only.</summary>
    private static List<LabeledSource> Sources()
    {
        List<LabeledText> examples = ClassifierTestData.CodeVersusProse();
        List<LabeledSource> sources = [.. Enumerable.Range(0, 4).Select(copy => new LabeledSource($"copy{copy}", [.. examples.Where((_, i) => i / 20 == copy)]))];
        sources.Add(new LabeledSource("prose", [new("A quiet village sits beside the lake.", "0"), new("The library closes early on Sundays.", "0")], EvaluationOnly: true));
        return sources;
    }
}
