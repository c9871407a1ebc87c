using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Training.Classifiers;

namespace CurationPipeline.Training.Tests.Classifiers;

public sealed class TorchHeadTrainerTests
{
    /// <summary>
    /// XOR of the signs of the first two coordinates (the other six are noise): no linear head separates it, a ReLU hidden
    /// layer does, so a good MLP score also proves the exported hidden weights are laid out as the scorer reads them.
    /// </summary>
    private static (List<LabeledText> Examples, List<float[]> Embeddings) Xor(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new List<LabeledText>();
        var embeddings = new List<float[]>();
        for (int i = 0; i < count; i++)
        {
            float[] v = [.. Enumerable.Range(0, 8).Select(_ => (float)((random.NextDouble() * 2) - 1))];
            examples.Add(new LabeledText($"x{i}", (v[0] > 0) ^ (v[1] > 0) ? "1" : "0"));
            embeddings.Add(v);
        }

        return (examples, embeddings);
    }

    private static double Accuracy(EmbeddingHead head, List<LabeledText> examples, List<float[]> embeddings) =>
        examples.Select((e, i) => (head.Score(embeddings[i]) >= 0.5) == (e.Label == "1")).Average(ok => ok ? 1.0 : 0.0);

    [Fact]
    public void Train_Xor_MlpLearnsItLinearCannot()
    {
        (List<LabeledText> train, List<float[]> trainEmbeddings) = Xor(2000, 1);
        (List<LabeledText> test, List<float[]> testEmbeddings) = Xor(500, 2);

        EmbeddingHead mlp = TorchHeadTrainer.Train("xor", train, trainEmbeddings, "synthetic", new TorchHeadOptions { Hidden = 32, Epochs = 60, LearningRate = 1e-2, Dropout = 0 });
        EmbeddingHead linear = TorchHeadTrainer.Train("xor", train, trainEmbeddings, "synthetic", new TorchHeadOptions { Epochs = 60, LearningRate = 1e-2 });

        Assert.Equal(32, mlp.Hidden);
        Assert.InRange(Accuracy(mlp, test, testEmbeddings), 0.93, 1.0);
        Assert.InRange(Accuracy(linear, test, testEmbeddings), 0.0, 0.65);
    }

    [Fact]
    public void Train_SameSeed_IdenticalBytes_AndReloadGivesIdenticalScores()
    {
        (List<LabeledText> examples, List<float[]> embeddings) = Xor(600, 3);
        var options = new TorchHeadOptions { Hidden = 16, Epochs = 5, Seed = 7 };

        byte[] first = Save(TorchHeadTrainer.Train("xor", examples, embeddings, "synthetic", options));
        byte[] second = Save(TorchHeadTrainer.Train("xor", examples, embeddings, "synthetic", options));
        byte[] otherSeed = Save(TorchHeadTrainer.Train("xor", examples, embeddings, "synthetic", options with { Seed = 8 }));

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
        EmbeddingHead trained = TorchHeadTrainer.Train("xor", examples, embeddings, "synthetic", options);
        EmbeddingHead reloaded = EmbeddingHead.Load(new MemoryStream(first));
        Assert.Equal(embeddings.Select(e => trained.Score(e)), embeddings.Select(e => reloaded.Score(e)));
    }

    [Fact]
    public void Train_ScoresAndClasses_RegressionAndMulticlassHeads()
    {
        var random = new Random(5);
        var embeddings = new List<float[]>();
        var scored = new List<LabeledText>();
        var classed = new List<LabeledText>();
        for (int i = 0; i < 900; i++)
        {
            float[] v = [.. Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble())];
            embeddings.Add(v);
            scored.Add(new LabeledText($"s{i}", null, 2 * v[0] - v[1]));
            classed.Add(new LabeledText($"c{i}", v[2] < 0.33 ? "neither" : v[2] < 0.66 ? "low" : "high"));
        }

        EmbeddingHead regression = TorchHeadTrainer.Train("r", scored, embeddings, "synthetic", new TorchHeadOptions { Epochs = 80, LearningRate = 1e-2, WeightDecay = 0 });
        EmbeddingHead multiclass = TorchHeadTrainer.Train("m", classed, embeddings, "synthetic", new TorchHeadOptions { Hidden = 16, Epochs = 60, LearningRate = 1e-2 });

        Assert.Equal(ClassifierKind.Regression, regression.Kind);
        Assert.Equal(2 * 0.9 - 0.1, regression.Score([0.9f, 0.1f, 0.5f, 0.5f]), 1);
        Assert.Equal(ClassifierKind.Multiclass, multiclass.Kind);
        Assert.Equal("neither", multiclass.NegativeLabel);
        Assert.InRange(multiclass.Score([0.5f, 0.5f, 0.05f, 0.5f]), 0, 0.3);  // clearly "neither": 1 − P(neither) is small
        Assert.InRange(multiclass.Score([0.5f, 0.5f, 0.95f, 0.5f]), 0.7, 1);
    }

    [Fact]
    public void Train_BadOptionsOrShapes_ClearErrors()
    {
        (List<LabeledText> examples, List<float[]> embeddings) = Xor(10, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchHeadTrainer.Train("x", examples, embeddings, "m", new TorchHeadOptions { Dropout = 1 }));
        Assert.Throws<ArgumentException>(() => TorchHeadTrainer.Train("x", examples, embeddings[..5], "m", new TorchHeadOptions()));
    }

    private static byte[] Save(EmbeddingHead head)
    {
        var stream = new MemoryStream();
        head.Save(stream);
        return stream.ToArray();
    }
}
