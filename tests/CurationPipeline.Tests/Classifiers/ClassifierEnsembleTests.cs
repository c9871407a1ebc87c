using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Internal;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class ClassifierEnsembleTests
{
    private const int Dimension = 8;

    [Fact]
    public void Score_TextAndEmbedding_MeanOfTheTwoModels()
    {
        (NgramClassifier ngram, EmbeddingHead head) = Models();
        var ensemble = new ClassifierEnsemble("code", ngram, head, 0.4);
        float[] embedding = Embedding(3);
        const string text = "int main() { return 0; }";

        Assert.Equal((ngram.Score(text) + head.Score(embedding)) / 2, ensemble.Score(text, embedding));
    }

    [Fact]
    public void Load_SavedBesideItsModels_SameScoresNameAndThreshold()
    {
        (NgramClassifier ngram, EmbeddingHead head) = Models();
        string folder = TestData.NewTempDirectory();
        ngram.Save(Path.Combine(folder, "code.ngram"));
        head.Save(Path.Combine(folder, "code.head"));
        var ensemble = new ClassifierEnsemble("code", ngram, head, 0.4321);
        string path = Path.Combine(folder, "code.ensemble");
        ensemble.Save(path, "code.ngram", "code.head");

        ClassifierEnsemble loaded = ClassifierLoader.LoadEnsemble(path);

        Assert.Equal("code", loaded.Name);
        Assert.Equal(0.4321, loaded.Threshold);
        foreach (string text in ClassifierTestData.CodeVersusProse().Take(10).Select(e => e.Text))
        {
            Assert.Equal(ensemble.Score(text, Embedding(text.Length)), loaded.Score(text, Embedding(text.Length)));
        }
    }

    [Fact]
    public void Save_Twice_SameBytes()
    {
        (NgramClassifier ngram, EmbeddingHead head) = Models();
        string folder = TestData.NewTempDirectory();
        var ensemble = new ClassifierEnsemble("code", ngram, head, 0.5);

        ensemble.Save(Path.Combine(folder, "a.ensemble"), "code.ngram", "code.head");
        ensemble.Save(Path.Combine(folder, "b.ensemble"), "code.ngram", "code.head");

        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "a.ensemble")), File.ReadAllBytes(Path.Combine(folder, "b.ensemble")));
    }

    [Fact]
    public void Load_MissingModel_FileNotFound()
    {
        (NgramClassifier ngram, EmbeddingHead head) = Models();
        string folder = TestData.NewTempDirectory();
        ngram.Save(Path.Combine(folder, "code.ngram"));
        string path = Path.Combine(folder, "code.ensemble");
        new ClassifierEnsemble("code", ngram, head, 0.5).Save(path, "code.ngram", "missing.head");

        Assert.Throws<FileNotFoundException>(() => ClassifierLoader.LoadEnsemble(path));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format_version\": 2, \"name\": \"code\", \"combine\": \"mean\", \"threshold\": 0.5, \"ngram\": \"code.ngram\", \"head\": \"code.head\"}")]
    [InlineData("{\"format_version\": 1, \"name\": \"code\", \"combine\": \"max\", \"threshold\": 0.5, \"ngram\": \"code.ngram\", \"head\": \"code.head\"}")]
    [InlineData("{\"format_version\": 1, \"name\": \"code\", \"combine\": \"mean\", \"ngram\": \"code.ngram\", \"head\": \"code.head\"}")]
    public void Load_InvalidFile_InvalidData(string json)
    {
        (NgramClassifier ngram, EmbeddingHead head) = Models();
        string folder = TestData.NewTempDirectory();
        ngram.Save(Path.Combine(folder, "code.ngram"));
        head.Save(Path.Combine(folder, "code.head"));
        string path = Path.Combine(folder, "code.ensemble");
        File.WriteAllText(path, json);

        Assert.Throws<InvalidDataException>(() => ClassifierLoader.LoadEnsemble(path));
    }

    [Fact]
    public void Constructor_RegressionHead_Throws()
    {
        (NgramClassifier ngram, EmbeddingHead head) = Models();
        var regression = new EmbeddingHead(head.Metadata with { Kind = ClassifierKind.Regression, Labels = [], NegativeLabel = null }, new float[Dimension], [0f]);

        Assert.Throws<ArgumentException>(() => new ClassifierEnsemble("code", ngram, regression, 0.5));
    }

    private static (NgramClassifier Ngram, EmbeddingHead Head) Models()
    {
        NgramClassifier ngram = NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), new NgramTrainingOptions { HashBits = 12, Epochs = 3 });
        var metadata = new ClassifierMetadata { Name = "code", Kind = ClassifierKind.Binary, Labels = ["0", "1"], NegativeLabel = "0", Dimension = Dimension, EmbeddingModel = "test-model" };
        return (ngram, new EmbeddingHead(metadata, Embedding(1), [0.1f]));
    }

    private static float[] Embedding(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Dimension).Select(_ => (float)(random.NextDouble() - 0.5))];
    }
}
