using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Internal;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class EmbeddingHeadTests
{
    private const int Dimension = 16;

    [Fact]
    public void Train_SameSeed_IdenticalBytes_OtherSeedDiffers()
    {
        (List<LabeledText> examples, List<float[]> vectors) = Clusters(200, seed: 3);
        var options = new EmbeddingHeadOptions { Epochs = 5 };

        byte[] first = Bytes(EmbeddingHeadTrainer.Train("topic", examples, vectors, "test-model", options));
        byte[] second = Bytes(EmbeddingHeadTrainer.Train("topic", examples, vectors, "test-model", options));
        byte[] other = Bytes(EmbeddingHeadTrainer.Train("topic", examples, vectors, "test-model", options with { Seed = 9 }));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void RunHead_SeparableClusters_HeldOutF1High_AndReloadScoresIdentically()
    {
        (List<LabeledText> examples, List<float[]> vectors) = Clusters(400, seed: 5);

        ClassifierTrainingResult result = ClassifierTraining.RunHead("topic", examples, vectors, "test-model", new ClassifierTrainingOptions(), new EmbeddingHeadOptions { Epochs = 10 });
        var head = (EmbeddingHead)result.Classifier;
        string path = Path.Combine(TestData.NewTempDirectory(), "topic.head");
        head.Save(path);
        IEmbeddingClassifier loaded = ClassifierLoader.LoadHead(path);

        Assert.True(result.Test.F1 > 0.9, ClassifierModelCard.Summary("test", result.Test));
        Assert.Equal(Dimension, loaded.Dimension);
        Assert.Equal("test-model", loaded.EmbeddingModel);
        Assert.Equal(head.Threshold, ((EmbeddingHead)loaded).Threshold);
        foreach (float[] v in vectors.Take(50))
        {
            Assert.Equal(head.Score(v), loaded.Score(v));
        }
    }

    [Fact]
    public void Train_Regression_PredictsLinearTarget()
    {
        var random = new Random(2);
        var examples = new List<LabeledText>();
        var vectors = new List<float[]>();
        for (int i = 0; i < 300; i++)
        {
            float[] v = Gaussian(random);
            vectors.Add(v);
            examples.Add(new LabeledText("doc", null, 2 + (3 * v[0])));
        }

        EmbeddingHead head = EmbeddingHeadTrainer.Train("quality", examples, vectors, "test-model", new EmbeddingHeadOptions { Epochs = 200, L2 = 0, LearningRate = 0.2 });
        float[] probe = new float[Dimension];
        probe[0] = 0.5f;

        Assert.Equal(ClassifierKind.Regression, head.Kind);
        Assert.Equal(3.5, head.Score(probe), 1);
    }

    [Fact]
    public void Score_WrongDimension_Throws()
    {
        (List<LabeledText> examples, List<float[]> vectors) = Clusters(40, seed: 1);
        EmbeddingHead head = EmbeddingHeadTrainer.Train("topic", examples, vectors, "test-model", new EmbeddingHeadOptions { Epochs = 1 });

        Assert.Throws<ArgumentException>(() => head.Score(new float[Dimension + 1]));
    }

    [Fact]
    public void Load_HeadFileAsNgram_ThrowsInvalidData()
    {
        (List<LabeledText> examples, List<float[]> vectors) = Clusters(40, seed: 1);
        string path = Path.Combine(TestData.NewTempDirectory(), "topic.head");
        EmbeddingHeadTrainer.Train("topic", examples, vectors, "test-model", new EmbeddingHeadOptions { Epochs = 1 }).Save(path);

        Assert.Throws<InvalidDataException>(() => ClassifierLoader.Load(path));
    }

    /// <summary>Two Gaussian clusters around opposite unit directions, labelled <c>1</c> and <c>0</c>.</summary>
    private static (List<LabeledText> Examples, List<float[]> Vectors) Clusters(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new List<LabeledText>();
        var vectors = new List<float[]>();
        for (int i = 0; i < count; i++)
        {
            bool positive = i % 2 == 0;
            float[] v = Gaussian(random);
            for (int d = 0; d < Dimension; d++)
            {
                v[d] *= 0.3f;
            }

            v[1] += positive ? 1 : -1;
            vectors.Add(v);
            examples.Add(new LabeledText("doc " + i, positive ? "1" : "0"));
        }

        return (examples, vectors);
    }

    private static float[] Gaussian(Random random)
    {
        var v = new float[Dimension];
        for (int d = 0; d < Dimension; d++)
        {
            v[d] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return v;
    }

    private static byte[] Bytes(EmbeddingHead head)
    {
        var stream = new MemoryStream();
        head.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Score_HiddenLayer_HandComputed_AndRoundTrips()
    {
        // x = (3, 0.5); hidden = ReLU((1·3 + 0·0.5 + 0, 0·3 + 1·0.5 − 1)) = (3, 0); output = 0.5 + 1·3 + 2·0 = 3.5.
        var metadata = new ClassifierMetadata { Name = "mlp", Kind = ClassifierKind.Regression, Labels = [], Dimension = 2, Hidden = 2, EmbeddingModel = "m" };
        var head = new EmbeddingHead(metadata, weights: [1, 2], bias: [0.5f], hiddenWeights: [1, 0, 0, 1], hiddenBias: [0, -1]);
        Assert.Equal(3.5, head.Score([3, 0.5f]), 6);

        var stream = new MemoryStream();
        head.Save(stream);
        EmbeddingHead reloaded = EmbeddingHead.Load(new MemoryStream(stream.ToArray()));
        Assert.Equal(2, reloaded.Hidden);
        Assert.Equal(3.5, reloaded.Score([3, 0.5f]), 6);
        Assert.Contains("2-unit ReLU MLP", reloaded.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_ShippedHead_SameBytesAsTheFile()
    {
        string path = Path.Combine(TestData.RepoRoot, "classifiers", "quality.head");
        var stream = new MemoryStream();
        ((EmbeddingHead)ClassifierLoader.LoadHead(path)).Save(stream);
        Assert.Equal(File.ReadAllBytes(path), stream.ToArray());
    }

    [Theory]
    [InlineData(65536, 65536)] // H × D overflows int: must not load as an empty head
    [InlineData(1000, 384)]    // a header promising more weights than the payload holds
    public void Load_HiddenSizeNotMatchingPayload_InvalidData(int hidden, int dimension)
    {
        var metadata = new ClassifierMetadata { Name = "bad", Kind = ClassifierKind.Regression, Labels = [], Dimension = dimension, Hidden = hidden, EmbeddingModel = "m" };
        var stream = new MemoryStream();
        ModelFile.Write(stream, HeadModelFile.Magic, metadata, body => body.Write(new byte[64]));

        Assert.Throws<InvalidDataException>(() => EmbeddingHead.Load(new MemoryStream(stream.ToArray())));
    }
}
