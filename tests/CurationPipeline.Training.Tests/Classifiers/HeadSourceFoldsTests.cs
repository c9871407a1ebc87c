using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Training.Classifiers;

namespace CurationPipeline.Training.Tests.Classifiers;

public sealed class HeadSourceFoldsTests
{
    private static readonly TorchHeadOptions s_torch = new() { Epochs = 20, LearningRate = 1e-2 };

    [Fact]
    public void Score_ThreeSourcesAndAnEvaluationOnlyOne_EachScoredByAHeadThatNeverSawIt()
    {
        (List<LabeledSource> sources, List<IReadOnlyList<float[]>> embeddings) = Sources();

        OutOfSourceScores scores = LeaveOneSourceOut.Score(sources, HeadSourceFolds.Create("topic", sources, embeddings, new ClassifierTrainingOptions(), s_torch));
        LeaveOneSourceOutResult result = LeaveOneSourceOut.Evaluate(sources, scores, new ClassifierTrainingOptions());

        Assert.Equal(sources.Select(s => s.Examples.Count), scores.Scores.Select(s => s.Length));
        ClassifierTrainingResult withoutFirst = HeadSourceFolds.Train("topic", sources, embeddings, 0, new ClassifierTrainingOptions(), s_torch);
        Assert.Equal(withoutFirst.TrainCount, scores.TrainCounts[0]);
        Assert.Equal(withoutFirst.Classifier.Threshold, scores.Thresholds[0]);
        Assert.Equal(embeddings[0].Select(v => ((EmbeddingHead)withoutFirst.Classifier).Score(v)), scores.Scores[0]);
        Assert.Equal(HeadSourceFolds.Train("topic", sources, embeddings, -1, new ClassifierTrainingOptions(), s_torch).TrainCount, scores.TrainCounts[^1]);
        Assert.All(result.Rows, r => Assert.True(r.RankAuc > 0.9, ClassifierModelCard.Summary(r)));
    }

    [Fact]
    public void Score_Twice_SameScores()
    {
        (List<LabeledSource> sources, List<IReadOnlyList<float[]>> embeddings) = Sources();
        Func<int, SourceFold> folds = HeadSourceFolds.Create("topic", sources, embeddings, new ClassifierTrainingOptions(), s_torch);

        Assert.Equal(LeaveOneSourceOut.Score(sources, folds).Scores, LeaveOneSourceOut.Score(sources, folds).Scores);
    }

    [Fact]
    public void Score_SourceWithTrainingExtras_TrainedOnWithItNeverScored()
    {
        (List<LabeledSource> sources, List<IReadOnlyList<float[]>> embeddings) = Sources();
        (List<LabeledSource> other, List<IReadOnlyList<float[]>> otherEmbeddings) = Sources();
        sources[1] = sources[1] with { TrainingExtras = other[1].Examples };
        embeddings[1] = [.. embeddings[1], .. otherEmbeddings[1]];

        OutOfSourceScores scores = LeaveOneSourceOut.Score(sources, HeadSourceFolds.Create("topic", sources, embeddings, new ClassifierTrainingOptions(), s_torch));
        int withExtras = HeadSourceFolds.Train("topic", sources, embeddings, 0, new ClassifierTrainingOptions(), s_torch).TrainCount;
        int withoutExtras = HeadSourceFolds.Train("topic", sources, embeddings, 1, new ClassifierTrainingOptions(), s_torch).TrainCount;

        Assert.Equal(sources.Select(s => s.Examples.Count), scores.Scores.Select(s => s.Length));
        Assert.True(withExtras > withoutExtras, $"{withExtras} vs {withoutExtras}");
        Assert.Throws<ArgumentException>(() => HeadSourceFolds.Train("topic", sources, [.. embeddings.Select(e => e.Take(120).ToList())], -1, new ClassifierTrainingOptions(), s_torch));
    }

    /// <summary>Three training sources and one evaluation-only source of the same two clusters (label = the sign of the first coordinate), each shifted a little.</summary>
    private static (List<LabeledSource> Sources, List<IReadOnlyList<float[]>> Embeddings) Sources()
    {
        var random = new Random(4);
        var sources = new List<LabeledSource>();
        var embeddings = new List<IReadOnlyList<float[]>>();
        for (int s = 0; s < 4; s++)
        {
            var examples = new List<LabeledText>();
            var vectors = new List<float[]>();
            for (int i = 0; i < 120; i++)
            {
                bool positive = i % 3 == 0;
                float[] v = [.. Enumerable.Range(0, 8).Select(d => (float)((random.NextDouble() - 0.5) + (d == 0 ? (positive ? 1 : -1) : 0) + (0.1 * s)))];
                examples.Add(new LabeledText($"s{s}-{i}", positive ? "1" : "0"));
                vectors.Add(v);
            }

            sources.Add(new LabeledSource($"source{s}", examples, EvaluationOnly: s == 3));
            embeddings.Add(vectors);
        }

        return (sources, embeddings);
    }
}
