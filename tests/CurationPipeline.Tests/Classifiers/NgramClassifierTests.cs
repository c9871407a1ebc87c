using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Tests.Classifiers;

public sealed class NgramClassifierTests
{
    private static readonly NgramTrainingOptions s_chars = new() { HashBits = 14, CharNgramMin = 2, CharNgramMax = 5, CharNgramChars = 300 };

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
    public void SaveLoad_CharNgrams_IdenticalScoresAndSettings()
    {
        NgramClassifier model = NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_chars);
        string path = Path.Combine(TestData.NewTempDirectory(), "m.ngram");
        model.Save(path);

        var loaded = (NgramClassifier)ClassifierLoader.Load(path);

        Assert.Equal((2, 5, 300), (loaded.CharNgramMin, loaded.CharNgramMax, loaded.CharNgramChars));
        Assert.Contains("char 2–5-gram", loaded.Description, StringComparison.Ordinal);
        foreach (string text in s_probe)
        {
            Assert.Equal(model.Score(text), loaded.Score(text));
        }
    }

    [Fact]
    public void SaveLoad_CodeLines_IdenticalScoresAndSetting()
    {
        NgramClassifier model = NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_chars with { CodeLines = true });
        string path = Path.Combine(TestData.NewTempDirectory(), "m.ngram");
        model.Save(path);

        var loaded = (NgramClassifier)ClassifierLoader.Load(path);

        Assert.True(loaded.CodeLines);
        Assert.Contains("code-line shape indicators", loaded.Description, StringComparison.Ordinal);
        foreach (string text in s_probe)
        {
            Assert.Equal(model.Score(text), loaded.Score(text));
        }
    }

    [Fact]
    public void SaveLoad_Arithmetic_IdenticalScoresAndSetting()
    {
        NgramClassifier model = NgramClassifierTrainer.Train("math", ClassifierTestData.CodeVersusProse(), new NgramTrainingOptions { HashBits = 14, Arithmetic = true });
        string path = Path.Combine(TestData.NewTempDirectory(), "m.ngram");
        model.Save(path);

        var loaded = (NgramClassifier)ClassifierLoader.Load(path);

        Assert.True(loaded.Arithmetic);
        Assert.False(loaded.CodeLines);
        Assert.Contains("arithmetic indicators", loaded.Description, StringComparison.Ordinal);
        foreach (string text in s_probe.Append("It costs 3 + 4 = 7 dollars."))
        {
            Assert.Equal(model.Score(text), loaded.Score(text));
        }
    }

    [Fact]
    public void Score_Arithmetic_UnseenWordProblemScoresAsMath()
    {
        var options = new NgramTrainingOptions { HashBits = 14 };

        AssertShapeLiftsUnseenPositive(ClassifierTestData.LatexMathVersusCodeAndProse(), options, options with { Arithmetic = true }, "Tom buys 4 pears for $3 each.\nHe pays 4 pears x $3 = $12.\nHe has $20 - $12 = $8 left.");
    }

    [Fact]
    public void Score_CodeLines_UnseenCodeWithoutSharedWordsScoresAsCode()
    {
        List<LabeledText> examples =
        [
            .. Enumerable.Range(0, 20).Select(i => new LabeledText($"Setup {i}:\nconst a{i} = load({i});\nif (a{i} != null) {{\n  run(a{i});\n}}", "1")),
            .. Enumerable.Range(0, 20).Select(i => new LabeledText($"Story {i}:\nthe river ran to the sea.\nbirds sang over it all day.\nnight came.", "0")),
        ];
        var options = new NgramTrainingOptions { HashBits = 14 };

        AssertShapeLiftsUnseenPositive(examples, options, options with { CodeLines = true }, "Usage:\nvar w = open(path);\nwhile (w.ok()) {\n  w.step();\n}");
    }

    /// <summary>A model with the shape indicators of <paramref name="shaped"/> scores <paramref name="unseen"/> higher than one without them, and as a positive.</summary>
    private static void AssertShapeLiftsUnseenPositive(List<LabeledText> examples, NgramTrainingOptions plain, NgramTrainingOptions shaped, string unseen)
    {
        double withoutShape = NgramClassifierTrainer.Train("m", examples, plain).Score(unseen);
        double withShape = NgramClassifierTrainer.Train("m", examples, shaped).Score(unseen);

        Assert.True(withShape > withoutShape, $"{withShape} <= {withoutShape}");
        Assert.True(withShape > 0.5, $"{withShape}");
    }

    [Fact]
    public void Score_CharNgrams_ObfuscatedWordScoresLikeThePlainOne()
    {
        List<LabeledText> examples =
        [
            .. Enumerable.Range(0, 20).Select(i => new LabeledText($"you are an idiot number {i}", "1")),
            .. Enumerable.Range(0, 20).Select(i => new LabeledText($"you are a teacher number {i}", "0")),
        ];
        var words = new NgramTrainingOptions { HashBits = 14 };
        NgramClassifier wordModel = NgramClassifierTrainer.Train("insult", examples, words);
        NgramClassifier charModel = NgramClassifierTrainer.Train("insult", examples, words with { CharNgramMin = 2, CharNgramMax = 5 });

        // "id1ot" is an unseen word: only the char n-grams it shares with "idiot" tell the models anything.
        double wordGap = wordModel.Score("an id1ot") - wordModel.Score("an t3acher");
        double charGap = charModel.Score("an id1ot") - charModel.Score("an t3acher");
        Assert.True(charGap > wordGap + 0.2, $"char model gap {charGap}, word model gap {wordGap}");
        Assert.True(charModel.Score("an id1ot") > 0.5, $"char model scores the obfuscated insult {charModel.Score("an id1ot")}");
    }

    [Fact]
    public void Score_CharsBeyondCharNgramChars_GiveNoCharNgrams()
    {
        NgramClassifier model = NgramClassifierTrainer.Train("code", ClassifierTestData.CodeVersusProse(), s_chars with { CharNgramChars = 12 });

        // Word features map digits to 0, so the two texts differ only in char n-grams past the 12th char.
        Assert.Equal(model.Score("func f() {} return 123;"), model.Score("func f() {} return 456;"));
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
