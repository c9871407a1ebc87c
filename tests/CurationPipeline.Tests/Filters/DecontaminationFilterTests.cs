using System.Text.Json;
using CurationPipeline.Configuration;
using CurationPipeline.Dedup;
using CurationPipeline.Documents;
using CurationPipeline.Filters;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Stages;
using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Tests.Filters;

/// <summary>Decontamination against the real GSM8K and MATH test sets, on real web articles (scrapinghub ground truth).</summary>
public sealed class DecontaminationFilterTests
{
    private static async Task<DecontaminationFilter> GsmAndMathAsync(CancellationToken ct, DecontaminationAction action = DecontaminationAction.Drop) =>
        new(new DecontaminationOptions
        {
            Benchmarks = new Dictionary<string, string> { ["gsm8k"] = EvalSets.Gsm8k, ["math"] = await EvalSets.MathAsync(ct) },
            TextFields = EvalSets.TextFields,
            Action = action,
        });

    private static List<string> Field(string jsonl, string field) =>
        [.. File.ReadLines(jsonl).Select(line => JsonDocument.Parse(line).RootElement.GetProperty(field).GetString()!)];

    /// <summary><paramref name="article"/> with <paramref name="planted"/> as a paragraph in its middle.</summary>
    private static string Plant(string article, string planted)
    {
        int middle = article.IndexOf('\n', article.Length / 2);
        return middle < 0 ? article + "\n\n" + planted : article[..middle] + "\n\n" + planted + "\n\n" + article[middle..];
    }

    [Fact]
    public async Task Evaluate_ArticlesWithPlantedQuestions_DropsNamingTheBenchmark()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DecontaminationFilter filter = await GsmAndMathAsync(ct);
        IReadOnlyList<string> articles = RealText.Articles();
        List<string> gsm = Field(EvalSets.Gsm8k, "question");
        List<string> math = Field(await EvalSets.MathAsync(ct), "problem");
        // GSM8K questions as a forum would quote them: other quotes, other numbers (numbers normalize to 0, as in datatrove).
        string[] gsmQuotes = [.. new[] { 0, 137, 512, 1318 }.Select(i => gsm[i].Replace('’', '\'').Replace('7', '3').ToUpperInvariant())];
        string[] mathQuotes = [.. math.Where(p => p.Split(' ').Length >= 25).Take(4)];

        for (int i = 0; i < gsmQuotes.Length + mathQuotes.Length; i++)
        {
            bool isGsm = i < gsmQuotes.Length;
            string text = Plant(articles[i], isGsm ? gsmQuotes[i] : mathQuotes[i - gsmQuotes.Length]);

            FilterOutcome outcome = filter.Evaluate(text, null);

            Assert.Equal(FilterReasons.DecontamNgram, outcome.Verdict.Reason);
            Assert.StartsWith(isGsm ? "gsm8k: \"" : "math: \"", outcome.Verdict.Detail, StringComparison.Ordinal);
            var signals = Assert.IsType<DecontaminationSignals>(outcome.Signals);
            Assert.Equal(isGsm ? "gsm8k" : "math", signals.Benchmark);
            Assert.True(signals.MatchedNgrams > 0);
        }
    }

    [Fact]
    public async Task Evaluate_UnrelatedRealArticles_AllKept()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DecontaminationFilter filter = await GsmAndMathAsync(ct);
        IReadOnlyList<string> articles = RealText.Articles();

        Assert.True(filter.IndexedNGrams > 500_000, $"{filter.IndexedNGrams} n-grams indexed");
        Assert.True(articles.Count > 100);
        Assert.All(articles, a => Assert.Equal(new DecontaminationSignals(0, null), filter.Evaluate(a, null).Signals));
    }

    [Fact]
    public async Task Evaluate_TwelveWordsOfAQuestion_Kept_Thirteen_Dropped()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DecontaminationFilter filter = await GsmAndMathAsync(ct);
        string article = RealText.Articles()[5];
        // Words as the filter counts them: "Janet’s" is two ("janet s"), "$2" one ("0").
        string[] words = TextNormalizer.Normalize(Field(EvalSets.Gsm8k, "question")[42]).Split(' ');

        Assert.True(filter.Evaluate(Plant(article, string.Join(' ', words[..12])), null).Verdict.Keep);
        Assert.False(filter.Evaluate(Plant(article, string.Join(' ', words[..13])), null).Verdict.Keep);
    }

    [Fact]
    public async Task Evaluate_MatrixNotationAlone_Kept()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DecontaminationFilter filter = await GsmAndMathAsync(ct);
        // Normalized: "begin pmatrix 0 0 0 0 end pmatrix begin pmatrix 0 0 0 0 end pmatrix", which MATH's matrix problems contain.
        string matrices = @"The product \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \begin{pmatrix} 5 & 6 \\ 7 & 8 \end{pmatrix} is computed row by column.";

        Assert.Equal(new DecontaminationSignals(0, null), filter.Evaluate(Plant(RealText.Articles()[3], matrices), null).Signals);
    }

    [Theory]
    [InlineData("begin pmatrix 0 0 0 0 end pmatrix begin pmatrix 0 0 0", 13, false)] // 4 distinct of 13
    [InlineData("0 0 0 0 0 0 0 0 0 0 0 0 0", 13, false)]
    [InlineData("a b c d a a a a a a a a a", 13, false)] // 4 distinct: one short of a third
    [InlineData("0 families with 0 people and 0 families with 0 people 0 people", 13, true)] // 5 distinct
    [InlineData("janet s ducks lay 0 eggs per day she eats three for breakfast", 13, true)]
    [InlineData("a b a b a b", 6, true)]
    [InlineData("a a a a a a", 6, false)]
    public void HasEnoughDistinctWords_NeedsAThirdOfTheWordsDistinct(string ngram, int words, bool expected) =>
        Assert.Equal(expected, CurationPipeline.Filters.Internal.BenchmarkIndex.HasEnoughDistinctWords(System.Text.Encoding.UTF8.GetBytes(ngram), words));

    [Fact]
    public async Task Evaluate_FlagAction_KeepsAndRecordsTheMatch()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        DecontaminationFilter filter = await GsmAndMathAsync(ct, DecontaminationAction.Flag);
        string problem = Field(await EvalSets.MathAsync(ct), "solution").First(s => s.Split(' ').Length > 60);

        FilterOutcome outcome = filter.Evaluate(Plant(RealText.Articles()[7], problem), null);

        Assert.Equal(FilterVerdict.Kept, outcome.Verdict);
        var signals = Assert.IsType<DecontaminationSignals>(outcome.Signals);
        Assert.Equal("math", signals.Benchmark);
        Assert.True(signals.MatchedNgrams >= 40, $"{signals.MatchedNgrams} matching n-grams"); // every 13-word window of a 60-word solution
    }

    [Fact]
    public void Create_FieldsTheFileLacks_ThrowsNamingTextFields()
    {
        var e = Assert.Throws<InvalidDataException>(() => new DecontaminationFilter(new DecontaminationOptions
        {
            Benchmarks = new Dictionary<string, string> { ["gsm8k"] = EvalSets.Gsm8k }, // rows have question/answer, not text
        }));

        Assert.Contains("text_fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ParquetEvalSet_ReadsItsTextColumn()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string question = Field(EvalSets.Gsm8k, "question")[7];
        string path = Path.Combine(TestData.NewTempDirectory(), "eval.parquet");
        var text = new DataField<string>("text", nullable: false);
        await using (FileStream stream = File.Create(path))
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(text), stream, cancellationToken: ct))
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(text, new[] { question, "too short to index" });
        }

        var filter = new DecontaminationFilter(new DecontaminationOptions { Benchmarks = new Dictionary<string, string> { ["mine"] = path } });

        Assert.Equal(FilterReasons.DecontamNgram, filter.Evaluate(Plant(RealText.Articles()[3], question), null).Verdict.Reason);
        Assert.True(filter.Evaluate(RealText.Articles()[3], null).Verdict.Keep);
    }

    [Fact]
    public void Pipeline_YamlKey_ResolvesBenchmarkPathsAndBuildsTheColumns()
    {
        string dir = TestData.NewTempDirectory();
        File.Copy(EvalSets.Gsm8k, Path.Combine(dir, "gsm8k-test.jsonl")); // a temporary folder, not the repository
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, """
            filters:
              - decontam:
                  benchmarks: { gsm8k: gsm8k-test.jsonl }
                  text_fields: [question, answer]
                  n_gram_words: 8
                  action: Flag
            """);

        PipelineOptions options = PipelineConfigLoader.Load(pipeline);
        var decontam = Assert.IsType<DecontaminationOptions>(options.Filters[0].Options);
        var stage = new FilterStage([options.Filters[0].Create()], pii: null);

        Assert.Equal(Path.Combine(dir, "gsm8k-test.jsonl"), decontam.Benchmarks["gsm8k"]);
        Assert.Equal((8, DecontaminationAction.Flag), (decontam.NGramWords, decontam.Action));
        Assert.Equal([("decontam.matched_ngrams", SignalKind.Number), ("decontam.benchmark", SignalKind.Text)], stage.Schema.Columns);
    }

    [Fact]
    public void Pipeline_MissingBenchmarkFile_ConfigErrorNamingTheKey()
    {
        string pipeline = Path.Combine(TestData.NewTempDirectory(), "p.yaml");
        File.WriteAllText(pipeline, "filters:\n  - decontam: { benchmarks: { math: nowhere/math.jsonl } }\n");

        var e = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Load(pipeline));

        Assert.Contains("benchmarks.math", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_NoBenchmark_ConfigError() =>
        Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse("filters:\n  - decontam: {}\n", "p.yaml"));
}
