using CurationPipeline.Classifiers;

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
