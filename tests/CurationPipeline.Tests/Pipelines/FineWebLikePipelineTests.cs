using System.Text.Json;
using CurationPipeline.Cli;
using CurationPipeline.Documents;
using CurationPipeline.Filters;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stages;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Filters;

namespace CurationPipeline.Tests.Pipelines;

/// <summary>Crafted documents through <c>curate run pipelines/fineweb-like.yaml</c> land where FineWeb's rules put them.</summary>
public sealed class FineWebLikePipelineTests
{
    [Fact]
    public async Task Run_CraftedJsonLines_EachDocumentRejectedWithItsReasonOrKept()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        string input = Path.Combine(dir, "crafted.jsonl");
        var expected = new Dictionary<string, string?>();
        await using (var writer = new StreamWriter(input))
        {
            foreach (TheoryDataRow<string, string?> row in FilterCascadeTests.Documents)
            {
                (string kind, string? reason) = row.Data;
                string id = kind.Replace(' ', '-');
                expected[id] = reason;
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { id, url = $"https://crafted.test/{id}", text = FilterCascadeTests.Make(kind) }));
            }
        }

        string output = Path.Combine(dir, "out");
        int code = await CurateCommand.Create().Parse(
            ["run", Path.Combine(TestData.RepoRoot, "pipelines", "fineweb-like.yaml"), "--input", input, "--output", output, "--workers", "2"])
            .InvokeAsync(cancellationToken: ct);

        Assert.Equal(0, code);
        var rejected = new Dictionary<string, Rejection>();
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Rejects), "*.parquet"))
        {
            await foreach (Rejection r in ShardReader.ReadRejectsAsync(LocalStorage.Instance, shard, ct))
            {
                rejected.Add(r.Id!, r);
            }
        }

        var annotated = new Dictionary<string, AnnotatedDocument>();
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Annotated), "*.parquet"))
        {
            await foreach (AnnotatedDocument d in ShardReader.ReadAnnotatedAsync(LocalStorage.Instance, shard, ct))
            {
                annotated.Add(d.Id, d);
            }
        }

        foreach ((string id, string? reason) in expected)
        {
            if (reason is null)
            {
                Assert.False(rejected.ContainsKey(id), $"{id} was rejected: {(rejected.TryGetValue(id, out Rejection? r) ? r.Reason : "")}");
            }
            else
            {
                Assert.Equal((FilterStage.StageName, reason), (rejected[id].Stage, rejected[id].Reason));
            }

            // Score, then decide: every document has every filter's signals, and its reason, in annotated/.
            AnnotatedDocument document = annotated[id];
            Assert.Equal(reason, document.FilterReason);
            Assert.True(document.Signals.Number("gopher_quality.word_count") >= 0);
            Assert.True(document.Signals.Number("fineweb.line_punct_ratio") is >= 0 and <= 1);
            Assert.NotNull(document.Signals.Text("language.language"));
        }
    }
}
