using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stages;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Reporting;

namespace CurationPipeline.Tests.Pipelines;

public sealed class ExtractConfidenceColumnTests
{
    [Fact]
    public async Task Quickstart_AnnotatedShards_CarryExtractionConfidenceForHtmlAndNaNForText()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = await QuickstartRun.OutputAsync(ct);
        int html = 0, text = 0;
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Annotated), "*.parquet"))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                double confidence = document.Signals.Number(ExtractStage.ConfidenceColumn);
                if (document.SourcePath.EndsWith(".jsonl", StringComparison.Ordinal))
                {
                    Assert.True(double.IsNaN(confidence), document.Id); // arrived as text: nothing was extracted
                    text++;
                }
                else
                {
                    Assert.InRange(confidence, 0, 1);
                    html++;
                }
            }
        }

        Assert.True(html > 100 && text > 10, $"{html} HTML and {text} text documents");
    }
}
