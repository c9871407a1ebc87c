using CurationPipeline.Classifiers;
using CurationPipeline.Configuration;
using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Classifiers;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>A plug-in ONNX sequence classifier configured in a pipeline file scores every document into its own column.</summary>
public sealed class OnnxClassifierPipelineTests
{
    [Fact]
    public async Task Run_OnnxAndNgramClassifiersInPipelineFile_EachColumnHoldsItsModelsScoreOfEachText()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string modelFolder = TinyOnnxClassifier.Create();
        string folder = TestData.NewTempDirectory();
        File.Copy(Path.Combine(modelFolder, "model.onnx"), Path.Combine(folder, "tiny.onnx"));
        File.Copy(Path.Combine(modelFolder, "vocab.txt"), Path.Combine(folder, "vocab.txt"));
        string pipeline = Path.Combine(folder, "pipeline.yaml");
        File.WriteAllText(pipeline, $"""
            name: onnx-test
            input:
              paths: [{Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl")}]
            classifiers: [{Path.Combine(TestData.RepoRoot, "classifiers", "code.ngram")}, {Path.Combine(TestData.RepoRoot, "classifiers", "math.ngram")}]
            onnx_classifiers:
              - {"{"} name: goodness, model_path: tiny.onnx, output_kind: Sigmoid, label_index: 1, batch_size: 4 {"}"}
            dedup:
              enabled: false
            """);

        PipelineOptions options = PipelineConfigLoader.Load(pipeline);
        Assert.Equal(Path.Combine(folder, "tiny.onnx"), options.OnnxClassifiers[0].ModelPath);
        PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);
        string output = Path.Combine(folder, "out");
        await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, ct);

        using OnnxSequenceClassifier direct = OnnxSequenceClassifier.Create(options.OnnxClassifiers[0]);
        IDocumentClassifier code = ClassifierLoader.Load(options.Classifiers[0]), math = ClassifierLoader.Load(options.Classifiers[1]);
        int rows = 0;
        foreach (string shard in Directory.GetFiles(Path.Combine(output, "annotated"), "*.parquet"))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                Assert.Equal(direct.Score(document.Text), document.Signals.Number("goodness")); // scored in batches of 4, bit for bit
                Assert.Equal(code.Score(document.Text), document.Signals.Number("code"), 9); // n-gram models hashed together, beside the ONNX one
                Assert.Equal(math.Score(document.Text), document.Signals.Number("math"), 9);
                rows++;
            }
        }

        Assert.True(rows > 10);
    }

    [Fact]
    public void Parse_OnnxClassifierWithoutModel_ErrorNamesTheSection()
    {
        var ex = Assert.Throws<PipelineConfigException>(() => PipelineConfigLoader.Parse("onnx_classifiers:\n  - { name: x, model_path: '' }\n", "p.yaml"));
        Assert.Contains("onnx_classifiers", ex.Message, StringComparison.Ordinal);
    }
}
