using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Internal;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Documents;
using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Embeddings;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>Embeddings and SemDeDup as passes of <c>curate run</c>, after MinHash dedup, on the bundled JSON Lines sample.</summary>
public sealed class SemanticPassEndToEndTests
{
    [Fact]
    public async Task Run_SemanticEnabled_EmbedsSurvivorsAndAddsSemanticDropsToTheDropList()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PipelineOptions options = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
        options = options with
        {
            Input = new InputOptions { Paths = [Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl")] },
            Execution = options.Execution with { Workers = 2 },
            // The sample has no close copies after MinHash: a loose epsilon groups some of its survivors, so there are drops to check.
            Semantic = new SemanticOptions { Enabled = true, Embedding = new EmbeddingOptions { UseCuda = false }, Dedup = new SemanticDedupOptions { Epsilon = 0.7 } },
        };
        string output = TestData.NewTempDirectory();
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);

        StatsReport report = (await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct))!;

        StageStatsSnapshot write = report.Stages.Single(s => s.Name == TagPass.WriteStage);
        StageStatsSnapshot minhash = report.Stages.Single(s => s.Name == DedupPass.StageName);
        StageStatsSnapshot embed = report.Stages.Single(s => s.Name == SemanticPass.EmbedStage);
        StageStatsSnapshot semantic = report.Stages.Single(s => s.Name == SemanticPass.DedupStage);
        Assert.True(embed.AddsUp && semantic.AddsUp);
        Assert.Equal(minhash.Out, embed.In); // only MinHash survivors are embedded
        Assert.Equal(embed.Out, semantic.In);
        Assert.NotNull(report.Semantic);
        Assert.True(File.Exists(Path.Combine(output, "embeddings", "tag-00000.emb")));

        IReadOnlyList<DropListRow> drops = DropListFile.Read(LocalStorage.Instance, Path.Combine(output, OutputLayout.Dedup, OutputLayout.DropList));
        Assert.True(semantic.DroppedTotal > 0);
        Assert.Equal(minhash.DroppedTotal + semantic.DroppedTotal, drops.Count);
        Assert.Equal(semantic.DroppedTotal, drops.Count(d => d.Reason == SemanticDedupReasons.NearDuplicate));
        Assert.True(write.Out > minhash.Out);
    }

    [Fact]
    public async Task Run_QualityKeepRule_KeepsTheHigherQualityMemberOfEachNearDuplicatePair()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PipelineOptions options = QualityRuleOptions("quality");
        string output = TestData.NewTempDirectory();
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);

        StatsReport report = (await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct))!;

        var quality = new Dictionary<string, double>();
        foreach (string shard in Directory.GetFiles(Path.Combine(output, "annotated"), "*.parquet"))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                quality[document.Id] = document.Signals.Number("quality");
            }
        }

        DropListRow[] semantic = [.. DropListFile.Read(LocalStorage.Instance, Path.Combine(output, OutputLayout.Dedup, OutputLayout.DropList))
            .Where(d => d.Reason == SemanticDedupReasons.NearDuplicate)];
        Assert.NotEmpty(semantic);
        Assert.Equal(report.Semantic!.Dropped, semantic.Length);
        Assert.All(semantic, d => Assert.True(quality[d.KeptId] >= quality[d.DocumentId], $"{d.DocumentId} ({quality[d.DocumentId]}) dropped for {d.KeptId} ({quality[d.KeptId]})"));
    }

    [Fact]
    public void CreateRunner_QualityKeepRuleOnAColumnNoModelWrites_FailsBeforeAnyWork()
    {
        var ex = Assert.Throws<ArgumentException>(() => TagPipelineFactory.CreateRunner(QualityRuleOptions("fluency"), LocalStorage.Instance, NullLoggerFactory.Instance));

        Assert.Contains("semantic.quality_column", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'fluency'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateRunner_RegressionHeadOverABinaryClassifiersColumn_FailsBeforeAnyWork()
    {
        PipelineOptions options = QuickstartWithShippedHead("quality.head");

        var ex = Assert.Throws<ArgumentException>(() => TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance));

        Assert.Contains("semantic.heads", ex.Message, StringComparison.Ordinal);
        Assert.Contains("head 'quality' is a regression model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateRunner_BinaryEnsembleOverTheBinaryClassifiersColumn_Accepted()
    {
        Assert.NotNull(TagPipelineFactory.CreateRunner(QuickstartWithShippedHead("safety.ensemble"), LocalStorage.Instance, NullLoggerFactory.Instance));
    }

    /// <summary>The quickstart (its n-gram classifiers included) with one shipped head or ensemble from <c>classifiers/</c>.</summary>
    private static PipelineOptions QuickstartWithShippedHead(string file)
    {
        PipelineOptions options = QualityRuleOptions("quality");
        return options with { Semantic = options.Semantic with { Heads = [Path.Combine(TestData.RepoRoot, "classifiers", file)] } };
    }

    private static PipelineOptions QualityRuleOptions(string column)
    {
        PipelineOptions options = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
        return options with
        {
            Input = new InputOptions { Paths = [Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl")] },
            Execution = options.Execution with { Workers = 2 },
            Semantic = new SemanticOptions
            {
                Enabled = true,
                Embedding = new EmbeddingOptions { UseCuda = false },
                Dedup = new SemanticDedupOptions { Epsilon = 0.7, KeepRule = SemanticKeepRule.Quality }, // the sample has no close copies: 0.7 groups 9 of its 18 survivors
                QualityColumn = column,
            },
            Mix = null,
        };
    }

    [Fact]
    public async Task Run_WithHeads_EachEmbeddedDocumentGetsTheHeadScoreOfItsStoredEmbedding()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string folder = TestData.NewTempDirectory();
        var random = new Random(9);
        float[] Values(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5))];
        var metadata = new ClassifierMetadata
        {
            Name = "topic", Kind = ClassifierKind.Binary, Labels = ["0", "1"], NegativeLabel = "0", Dimension = 384, Hidden = 8, EmbeddingModel = DefaultEmbeddingModel.Name,
        };
        var head = new EmbeddingHead(metadata, Values(8), Values(1), Values(8 * 384), Values(8));
        string headPath = Path.Combine(folder, "topic.head");
        head.Save(headPath);
        (string output, EmbeddingMatrix embeddings) = await RunWithHeadsAsync(folder, ct, headPath);

        var rowOf = Enumerable.Range(0, embeddings.Count).ToDictionary(embeddings.Id);
        var vector = new float[384];
        int scored = 0, unscored = 0;
        foreach (string shard in Directory.GetFiles(Path.Combine(output, "annotated"), "*.parquet"))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                double score = document.Signals.Number("topic");
                Assert.Equal(document.Signals.Schema.Columns.Count, document.Signals.Schema.Columns.Select(c => c.Name).Distinct().Count());
                if (rowOf.TryGetValue(document.Id, out int row))
                {
                    embeddings.CopyTo(row, vector);
                    Assert.Equal(head.Score(vector), score);
                    scored++;
                }
                else
                {
                    Assert.True(double.IsNaN(score), document.Id); // dropped by a filter or MinHash: never embedded
                    unscored++;
                }
            }
        }

        Assert.Equal(embeddings.Count, scored);
        Assert.True(unscored > 0);

        // A head named after the run finished: the rerun skips every finished step and scores it on the stored embeddings.
        string secondPath = Path.Combine(folder, "topic2.head");
        var second = new EmbeddingHead(metadata with { Name = "topic2" }, Values(8), Values(1), Values(8 * 384), Values(8));
        second.Save(secondPath);
        await RunWithHeadsAsync(folder, ct, headPath, secondPath);
        foreach (string shard in Directory.GetFiles(Path.Combine(output, "annotated"), "*.parquet"))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                if (rowOf.TryGetValue(document.Id, out int row))
                {
                    embeddings.CopyTo(row, vector);
                    Assert.Equal(head.Score(vector), document.Signals.Number("topic"));
                    Assert.Equal(second.Score(vector), document.Signals.Number("topic2"));
                }
            }
        }

        // A head replaced under the same name is scored again, and its marker then records the new file.
        var replaced = new EmbeddingHead(metadata, Values(8), Values(1), Values(8 * 384), Values(8));
        replaced.Save(headPath);
        await RunWithHeadsAsync(folder, ct, headPath, secondPath);
        int rescored = 0;
        foreach (string shard in Directory.GetFiles(Path.Combine(output, "annotated"), "*.parquet"))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                if (rowOf.TryGetValue(document.Id, out int row))
                {
                    embeddings.CopyTo(row, vector);
                    Assert.Equal(replaced.Score(vector), document.Signals.Number("topic"));
                    rescored++;
                }
            }
        }

        Assert.Equal(embeddings.Count, rescored);
        string marker = await File.ReadAllTextAsync(Path.Combine(output, "completions", "heads-00000"), ct);
        Assert.Contains("topic=sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(headPath, ct))), marker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithEnsemble_ColumnIsTheMeanOfTheNgramScoreOfTheTextAndTheHeadScoreOfTheEmbedding()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string folder = TestData.NewTempDirectory();
        var random = new Random(4);
        float[] Values(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5))];
        var metadata = new ClassifierMetadata
        {
            Name = "code", Kind = ClassifierKind.Binary, Labels = ["0", "1"], NegativeLabel = "0", Dimension = 384, EmbeddingModel = DefaultEmbeddingModel.Name,
        };
        var head = new EmbeddingHead(metadata, Values(384), Values(1));
        NgramClassifier ngram = NgramClassifierTrainer.Train("code", Classifiers.ClassifierTestData.CodeVersusProse(), new NgramTrainingOptions { HashBits = 12, Epochs = 3 });
        head.Save(Path.Combine(folder, "code.head"));
        ngram.Save(Path.Combine(folder, "code.ngram"));
        var ensemble = new ClassifierEnsemble("code", ngram, head, 0.5);
        string ensemblePath = Path.Combine(folder, "code.ensemble");
        ensemble.Save(ensemblePath, "code.ngram", "code.head");
        (string output, EmbeddingMatrix embeddings) = await RunWithHeadsAsync(folder, ct, ensemblePath);

        var rowOf = Enumerable.Range(0, embeddings.Count).ToDictionary(embeddings.Id);
        var vector = new float[384];
        int scored = 0;
        foreach (string shard in Directory.GetFiles(Path.Combine(output, "annotated"), "*.parquet"))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                if (rowOf.TryGetValue(document.Id, out int row))
                {
                    embeddings.CopyTo(row, vector);
                    Assert.Equal(ensemble.Score(document.Text, vector), document.Signals.Number("code"));
                    scored++;
                }
                else
                {
                    Assert.True(double.IsNaN(document.Signals.Number("code")), document.Id);
                }
            }
        }

        Assert.Equal(embeddings.Count, scored);
    }

    [Fact]
    public void Validate_HeadsWithoutSemantic_NamesTheOption()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SemanticOptions { Heads = ["q.head"] }.Validate());
        Assert.Equal(nameof(SemanticOptions.Heads), ex.ParamName);
    }

    /// <summary>Runs the quickstart's JSON Lines sample into <c>folder/out</c> with these semantic head files; returns the output
    /// folder and its embeddings.</summary>
    private static async Task<(string Output, EmbeddingMatrix Embeddings)> RunWithHeadsAsync(string folder, CancellationToken ct, params string[] heads)
    {
        PipelineOptions options = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
        options = options with
        {
            Input = new InputOptions { Paths = [Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl")] },
            Semantic = new SemanticOptions { Enabled = true, Embedding = new EmbeddingOptions { UseCuda = false }, Heads = [.. heads] },
            Mix = null,
        };
        string output = Path.Combine(folder, "out");
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);
        await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct);
        await using FileStream stream = File.OpenRead(Path.Combine(output, "embeddings", "tag-00000.emb"));
        return (output, EmbeddingMatrix.ReadFrom(stream));
    }
}
