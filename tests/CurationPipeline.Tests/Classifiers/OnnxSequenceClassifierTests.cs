using System.Text.Json;
using CurationPipeline.Classifiers;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Tests.Classifiers;

public sealed class OnnxSequenceClassifierTests
{
    [Theory]
    [InlineData(OnnxOutputKind.Regression, 1, "good good", 2.5)]
    [InlineData(OnnxOutputKind.Regression, 0, "bad", 5.0 / 3)]
    [InlineData(OnnxOutputKind.Sigmoid, 1, "good good", 0.92414181997875655)]   // sigmoid(2.5)
    [InlineData(OnnxOutputKind.Softmax, 1, "good good", 0.92414181997875655)]   // softmax(0, 2.5)[1] = sigmoid(2.5)
    [InlineData(OnnxOutputKind.Softmax, 0, "good bad", 0.5)]
    [InlineData(OnnxOutputKind.Regression, 1, "", 0.0)]
    public void Score_TinyGraph_AppliesOutputKind(OnnxOutputKind kind, int label, string text, double expected)
    {
        string directory = TinyOnnxClassifier.Create();
        using OnnxSequenceClassifier classifier = OnnxSequenceClassifier.Create(new OnnxClassifierOptions
        {
            Name = "edu", ModelPath = Path.Combine(directory, "model.onnx"), OutputKind = kind, LabelIndex = label,
        });

        Assert.Equal("edu", classifier.Name);
        Assert.Equal(2, classifier.LabelCount);
        Assert.Equal(expected, classifier.Score(text), 5);
    }

    [Fact]
    public void Score_LongText_TruncatedToMaxTokens()
    {
        string directory = TinyOnnxClassifier.Create();
        using OnnxSequenceClassifier classifier = OnnxSequenceClassifier.Create(new OnnxClassifierOptions
        {
            Name = "edu", ModelPath = Path.Combine(directory, "model.onnx"), LabelIndex = 1, MaxTokens = 4,
        });

        // [CLS] good good [SEP]: the trailing "bad" words are cut off.
        Assert.Equal(2.5, classifier.Score("good good bad bad bad"), 5);
    }

    [Fact]
    public void ScoreBatch_MixedLengthsInSmallBatches_EachScoreEqualsItsScoreAlone()
    {
        string directory = TinyOnnxClassifier.Create();
        using OnnxSequenceClassifier classifier = OnnxSequenceClassifier.Create(new OnnxClassifierOptions
        {
            Name = "edu", ModelPath = Path.Combine(directory, "model.onnx"), OutputKind = OnnxOutputKind.Softmax, LabelIndex = 1, BatchSize = 2,
        });
        string[] texts = ["good", "bad bad", "good bad", "", "good good good", "bad", "good", "bad good bad"];
        var scores = new double[texts.Length];

        classifier.ScoreBatch(texts, scores);

        Assert.Equal(texts.Select(classifier.Score), scores);
    }

    /// <summary>
    /// The bundled MiniLM encoder read through its pooler output (384 values, the first taken as a regression score): a real
    /// transformer, so the claim that a document's score does not depend on its batch is checked where rounding could move it.
    /// </summary>
    [Fact]
    public void ScoreBatch_RealEncoder_ScoresBitForBitAsAloneWhateverTheBatch()
    {
        using OnnxSequenceClassifier classifier = OnnxSequenceClassifier.Create(new OnnxClassifierOptions
        {
            Name = "pooler", ModelPath = Path.Combine(DefaultEmbeddingModel.EnsureExtracted(), EmbeddingModelFiles.Model),
            OutputName = "924", MaxTokens = 48, BatchSize = 8,
        });
        string[] pages = [.. File.ReadLines(Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)];
        // Whole pages (most truncate to 48 tokens, so they share calls) and prefixes of many lengths (calls of one).
        string[] texts = [.. pages, .. pages.Select((page, i) => page[..Math.Min(page.Length, 20 + (9 * i))])];
        double[] alone = [.. texts.Select(classifier.Score)];
        var batched = new double[texts.Length];
        var reversed = new double[texts.Length];

        classifier.ScoreBatch(texts, batched);
        classifier.ScoreBatch([.. texts.Reverse()], reversed);

        Assert.Equal(alone, batched);
        Assert.Equal(alone, reversed.Reverse());
        Assert.True(texts.Count(t => t.Length > 400) >= 16); // at least two full calls of 8 rows truncated to 48 tokens
        Assert.True(alone.Distinct().Count() >= 20); // the sample repeats some pages (its dedup cases)
    }

    [Fact]
    public void Create_LabelIndexBeyondLogits_Throws()
    {
        string directory = TinyOnnxClassifier.Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxSequenceClassifier.Create(new OnnxClassifierOptions
        {
            Name = "edu", ModelPath = Path.Combine(directory, "model.onnx"), LabelIndex = 2,
        }));
    }

    [Fact]
    public void Create_MissingModel_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => OnnxSequenceClassifier.Create(new OnnxClassifierOptions
        {
            Name = "edu", ModelPath = Path.Combine(TestData.NewTempDirectory(), "model.onnx"),
        }));
    }
}
