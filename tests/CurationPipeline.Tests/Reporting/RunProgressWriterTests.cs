using System.Text.Json;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Reporting;

public sealed class RunProgressWriterTests
{
    [Fact]
    public async Task TaskRunning_SnapshotRewrittenWhileItRunsAndMarkedFinishedAtTheEnd()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = TestData.NewTempDirectory();
        var task = new PipelineTask("tag", 1, 4);
        var stats = new PipelineStats([TagPass.ReadStage, TagPass.WriteStage]);
        string path = Path.Combine(output, OutputLayout.Progress, task.Stem + ".json");

        await using (var writer = new RunProgressWriter(LocalStorage.Instance, output, TimeSpan.FromMilliseconds(20), inner: null))
        {
            writer.TaskStarted(task, inputFiles: 4, stats);
            stats.For(TagPass.ReadStage).CountIn();
            stats.CountFile(1000);
            while (!File.Exists(path))
            {
                await Task.Delay(10, ct);
            }

            ProgressSnapshot running = Read(path);
            Assert.Equal(("tag/1/4", 4, 1L, false), (running.Task, running.Files, running.FilesDone, running.Finished));
            Assert.NotNull(running.EtaSeconds); // three files to go at the pace of the first

            writer.TaskFinished(task, stats.ToReport(1, [task.ToString()]));
        }

        ProgressSnapshot finished = Read(path);
        Assert.True(finished.Finished);
        Assert.Equal(1, finished.Records);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, ".tmp-*"));
    }

    private static ProgressSnapshot Read(string path) => JsonSerializer.Deserialize<ProgressSnapshot>(File.ReadAllText(path))!;
}
