using System.Text.Json;
using CurationPipeline.Execution;
using CurationPipeline.Execution.Slurm;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Execution.Slurm;

namespace CurationPipeline.Tests.Execution;

/// <summary><see cref="RunStatusReader"/> over crafted output directories and a <see cref="FakeSlurm"/> queue.</summary>
public sealed class RunStatusReaderTests
{
    private static readonly CancellationToken s_ct = CancellationToken.None;

    [Fact]
    public async Task Read_SubmittedRun_StatesFromMarkersQueueAndLogs()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        await Submit(slurm, output, tasks: 4); // jobs 100 (tag), 101 (dedup), 102 (cluster), 103 (mix)
        WriteMarker(output, "tag-00000", "tag/0/4");
        WriteMarker(output, "tag-00001", "tag/1/4");
        WriteProgress(output, "tag/0/4", kept: 10, tokens: 1000, finished: true);
        WriteProgress(output, "tag/1/4", kept: 20, tokens: 2000, finished: true);
        WriteProgress(output, "tag/2/4", kept: 5, tokens: 500, finished: false);
        WriteProgress(output, "tag/3/4", kept: 7, tokens: 700, finished: false);
        await File.WriteAllLinesAsync(Path.Combine(SlurmLayout.LogsOf(output), "tag-00002.log"), Enumerable.Range(1, 20).Select(i => $"line {i}"), s_ct);
        slurm.Queue = "100_3|RUNNING|None\n101_[0-3]|PENDING|Dependency\n102|PENDING|Dependency\n103|PENDING|Dependency\n999|RUNNING|None\n";

        RunStatus status = await new RunStatusReader(LocalStorage.Instance, new SlurmClient(slurm)).ReadAsync(output, s_ct);

        PassStatus tag = status.Passes[0];
        Assert.Equal([RunTaskState.Done, RunTaskState.Done, RunTaskState.Failed, RunTaskState.Running], tag.Tasks.Select(t => t.State));
        Assert.Equal("job 100_2 ended without a completion marker", tag.Tasks[2].Detail);
        Assert.Equal(Enumerable.Range(9, RunStatusReader.LogTailLines).Select(i => $"line {i}"), tag.Tasks[2].LogTail);
        Assert.Equal("job 100_3 RUNNING", tag.Tasks[3].Detail);
        Assert.Equal(["dedup", "cluster", "mix"], status.Passes.Skip(1).Select(p => p.Pass));
        Assert.All(status.Passes.Skip(1).SelectMany(p => p.Tasks), t => Assert.Equal(RunTaskState.Queued, t.State));
        Assert.Equal(4, status.Passes[1].WorldSize);
        Assert.Equal((37, 3700), (status.Documents, status.Tokens)); // the failed task's partial progress is not counted
        Assert.True(status.HasFailures);
        Assert.False(status.IsComplete);
    }

    [Fact]
    public async Task Read_JobsGoneAfterAFailure_LaterPassesNotStarted()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        await Submit(slurm, output, tasks: 2);
        WriteMarker(output, "tag-00000", "tag/0/2");
        await File.WriteAllTextAsync(Path.Combine(SlurmLayout.LogsOf(output), "tag-00001.log"), "== curate slurm: task tag/1/2\nKilled\n", s_ct);
        slurm.Queue = "";

        RunStatus status = await new RunStatusReader(LocalStorage.Instance, new SlurmClient(slurm)).ReadAsync(output, s_ct);

        Assert.Equal([RunTaskState.Done, RunTaskState.Failed], status.Passes[0].Tasks.Select(t => t.State));
        Assert.Equal(["== curate slurm: task tag/1/2", "Killed"], status.Passes[0].Tasks[1].LogTail);
        Assert.All(status.Passes.Skip(1).SelectMany(p => p.Tasks), t => Assert.Equal(RunTaskState.NotStarted, t.State));
        Assert.Equal("job 101_0 never started", status.Passes[1].Tasks[0].Detail);
    }

    [Fact]
    public async Task Read_LocalRunNeverSubmitted_PassesFromMarkersAndProgressWithoutSlurm()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        WriteMarker(output, "tag-00000", "tag/0/2");
        WriteProgress(output, "tag/1/2", kept: 3, tokens: 30, finished: false);

        RunStatus status = await new RunStatusReader(LocalStorage.Instance, new SlurmClient(slurm)).ReadAsync(output, s_ct);

        PassStatus tag = Assert.Single(status.Passes);
        Assert.Equal(("tag", 2), (tag.Pass, tag.WorldSize));
        Assert.Equal([RunTaskState.Done, RunTaskState.Unfinished], tag.Tasks.Select(t => t.State));
        Assert.Empty(slurm.Commands);
    }

    [Fact]
    public async Task Read_WithoutSlurmCommands_NotesItAndReadsTheFiles()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        await Submit(slurm, output, tasks: 1);
        var absent = new FakeSlurm { Queue = null };

        RunStatus status = await new RunStatusReader(LocalStorage.Instance, new SlurmClient(absent)).ReadAsync(output, s_ct);

        Assert.Contains(status.Notes, n => n.StartsWith("squeue not found", StringComparison.Ordinal));
        Assert.Equal(RunTaskState.NotStarted, status.Passes[0].Tasks[0].State);
    }

    [Fact]
    public async Task Read_MissingDirectory_Throws() =>
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => new RunStatusReader(LocalStorage.Instance, null).ReadAsync(Path.Combine(TestData.NewTempDirectory(), "none"), s_ct));

    private static async Task Submit(FakeSlurm slurm, string output, int tasks)
    {
        string pipeline = Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml");
        var request = new SlurmRunRequest
        {
            PipelinePath = pipeline,
            OutputDirectory = output,
            CurateCommand = ["/opt/curate/curate"],
            Pipeline = PipelineConfigLoader.Load(pipeline),
            Slurm = new SlurmOptions { Tasks = tasks },
        };
        await new SlurmLauncher(new SlurmClient(slurm), LocalStorage.Instance, TimeProvider.System).LaunchAsync(request, dryRun: false, s_ct);
    }

    private static void WriteMarker(string output, string name, string task)
    {
        Directory.CreateDirectory(Path.Combine(output, OutputLayout.Completions));
        File.WriteAllText(Path.Combine(output, OutputLayout.Completions, name), task + "\n");
    }

    private static void WriteProgress(string output, string task, long kept, long tokens, bool finished)
    {
        Directory.CreateDirectory(Path.Combine(output, OutputLayout.Progress));
        string stem = task.Split('/') is [string pass, string rank, _] ? $"{pass}-{int.Parse(rank, System.Globalization.CultureInfo.InvariantCulture):D5}" : throw new ArgumentException(task);
        var snapshot = new ProgressSnapshot(task, 1, finished ? 1 : 0, kept + 1, kept, 1, 0, tokens, 1, 1, null, finished);
        File.WriteAllText(Path.Combine(output, OutputLayout.Progress, stem + ".json"), JsonSerializer.Serialize(snapshot));
    }
}
