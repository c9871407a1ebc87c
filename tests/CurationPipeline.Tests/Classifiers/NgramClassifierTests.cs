using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class NgramClassifierTests
{
    private static readonly string[] s_probe =
    [
        "", "   ", "func f() {}", "The river flows to the sea.", "Σ x_i = 42 $\\frac{1}{2}$", new string('a', 50_000), "日本語のテキスト",
    ];

    [Theory]
    [InlineData("binary")]
    [InlineData("multiclass")]
    [InlineData("regression")]
    public void SaveLoad_RoundTrip_IdenticalScoresAndHeader(string kind)
    {
        NgramClassifier model = Train(kind).WithThreshold(0.625);
        string path = Path.Combine(TestData.NewTempDirectory(), "m.ngram");
        model.Save(path);

        var loaded = (NgramClassifier)ClassifierLoader.Load(path);

        Assert.Equal(model.Name, loaded.Name);
        Assert.Equal(model.Kind, loaded.Kind);
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.NegativeLabel, loaded.NegativeLabel);
        Assert.Equal(0.625, loaded.Threshold);
        Assert.Equal(model.HashBits, loaded.HashBits);
        foreach (string text in s_probe)
        {
            Assert.Equal(model.Score(text), loaded.Score(text));
        }
    }

    [Fact]
    public void Load_OneFlippedByte_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Train("binary"));
        bytes[bytes.Length / 2] ^= 0x40;

        Assert.Throws<InvalidDataException>(() => NgramClassifier.Load(new MemoryStream(bytes)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(-1)]
    public void Load_Truncated_ThrowsInvalidData(int length)
    {
        byte[] bytes = Bytes(Train("binary"));
        int keep = length < 0 ? bytes.Length - 1 : length;

        Assert.Throws<InvalidDataException>(() => NgramClassifier.Load(new MemoryStream(bytes[..keep])));
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ClassifierLoader.Load(Path.Combine(TestData.NewTempDirectory(), "none.ngram")));
    }

    [Fact]
    public void Score_TextBeyondMaxChars_OnlyPrefixCounts()
    {
        NgramClassifier model = NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), new NgramTrainingOptions { HashBits = 14, MaxChars = 40 });
        const string text = "The river flows through the old town. func main() { fmt.Println(x) } if err != nil { return err }";

        Assert.Equal(model.Score(text[..40]), model.Score(text));
        Assert.NotEqual(model.Score(text[..39]), model.Score(text));
    }

    [Fact]
    public void Score_CaseAndDigits_Normalized()
    {
        NgramClassifier model = Train("binary");

        Assert.Equal(model.Score("Return ERR 12"), model.Score("return err 99"), 12);
        Assert.NotEqual(model.Score("return err"), model.Score("return err {"));
    }

    [Fact]
    public async Task Score_ManyThreads_SameAsSequential()
    {
        NgramClassifier model = Train("multiclass");
        string[] texts = [.. ClassifierTestData.ThreeClasses().Select(e => e.Text)];
        double[] expected = [.. texts.Select(model.Score)];
        var actual = new double[texts.Length];

        await Parallel.ForAsync(0, texts.Length, TestContext.Current.CancellationToken, (i, _) =>
        {
            actual[i] = model.Score(texts[i]);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(expected, actual);
    }

    private static NgramClassifier Train(string kind) => NgramClassifierTrainer.Train(kind, kind switch
    {
        "binary" => ClassifierTestData.CodeVersusProse(),
        "multiclass" => ClassifierTestData.ThreeClasses(),
        _ => ClassifierTestData.Scored(),
    }, new NgramTrainingOptions { HashBits = 14 });

    private static byte[] Bytes(NgramClassifier model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
