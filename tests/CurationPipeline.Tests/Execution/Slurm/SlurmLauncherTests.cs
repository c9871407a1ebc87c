using CurationPipeline.Execution;
using CurationPipeline.Execution.Slurm;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary><see cref="SlurmLauncher"/> against a <see cref="FakeSlurm"/>: the jobs, their order and dependencies, splits, relaunches and refusals.</summary>
public sealed class SlurmLauncherTests
{
    private static readonly CancellationToken s_ct = CancellationToken.None;

    [Fact]
    public async Task Launch_FreshQuickstart_SubmitsEveryPassChainedWithAfterOk()
    {
        var slurm = new FakeSlurm();
        string output = Path.Combine(TestData.NewTempDirectory(), "out");

        SlurmLaunchResult result = await Launcher(slurm).LaunchAsync(Request(output, tasks: 4), dryRun: false, s_ct);

        Assert.Equal(["tag", "dedup", "cluster", "mix"], result.Plans.Select(p => p.Pass.Name));
        Assert.Equal(
            [("tag.sbatch", ""), ("dedup.sbatch", "afterok:100"), ("cluster.sbatch", "afterok:101"), ("mix.sbatch", "afterok:102")],
            slurm.Submitted.Select(s => (Path.GetFileName(s.Script), s.Dependency)));
        Assert.Equal(["0-3", "0-3", null, null], result.Jobs.Select(j => j.Job.ArraySpec));
        Assert.Equal(["100", "101", "102", "103"], result.Jobs.Select(j => j.JobId));
        SlurmSubmission recorded = Assert.Single(SlurmSubmissionLog.Read(output));
        Assert.Equal(4, recorded.Tasks);
        Assert.Equal([[0, 1, 2, 3], [0, 1, 2, 3], [0], [0]], recorded.Passes.Select(p => p.Jobs.Single().Ranks));
        Assert.True(Directory.Exists(SlurmLayout.LogsOf(output)));
    }

    [Fact]
    public async Task Launch_MoreTasksThanMaxArraySize_SplitsArraysAndTheNextPassWaitsForEveryPart()
    {
        var slurm = new FakeSlurm { MaxArraySize = 3 };
        string output = TestData.NewTempDirectory();

        SlurmLaunchResult result = await Launcher(slurm).LaunchAsync(Request(output, tasks: 7), dryRun: false, s_ct);

        var tag = result.Jobs.Where(j => j.Job.Plan.Pass.Name == "tag").Select(j => j.Job).ToList();
        Assert.Equal([0, 3, 6], tag.Select(j => j.RankOffset));
        Assert.Equal(["0-2", "0-2", "0"], tag.Select(j => j.ArraySpec));
        Assert.Equal(["tag-000.sbatch", "tag-001.sbatch", "tag-002.sbatch"], tag.Select(j => Path.GetFileName(j.ScriptPath)));
        Assert.Contains("rank=$((3 + SLURM_ARRAY_TASK_ID))", await File.ReadAllTextAsync(tag[1].ScriptPath, s_ct), StringComparison.Ordinal);
        (string script, string dependency) = slurm.Submitted.First(s => Path.GetFileName(s.Script) == "dedup-000.sbatch");
        Assert.Equal("afterok:100:101:102", dependency);
        Assert.DoesNotContain(result.Jobs, j => j.Job.ArraySpec?.Split(',', '-').Any(i => int.Parse(i, System.Globalization.CultureInfo.InvariantCulture) >= 3) == true);
    }

    [Fact]
    public async Task Launch_SomeTagTasksComplete_SubmitsOnlyTheOthersAndEveryLaterPass()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        WriteMarker(output, "tag-00000", "tag/0/4");
        WriteMarker(output, "tag-00003", "tag/3/4");

        SlurmLaunchResult result = await Launcher(slurm).LaunchAsync(Request(output, tasks: 4), dryRun: false, s_ct);

        Assert.Equal(["1-2", "0-3", null, null], result.Jobs.Select(j => j.Job.ArraySpec));
        Assert.Equal([1, 2], result.Plans[0].PendingRanks);
    }

    [Fact]
    public async Task Launch_TagAndDedupComplete_StartsAtTheClusterStepWithoutDependency()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        for (int rank = 0; rank < 2; rank++)
        {
            WriteMarker(output, $"tag-{rank:D5}", $"tag/{rank}/2");
            WriteMarker(output, $"dedup-{rank:D5}", $"dedup/{rank}/2");
        }

        await Launcher(slurm).LaunchAsync(Request(output, tasks: 2), dryRun: false, s_ct);

        Assert.Equal([("cluster.sbatch", ""), ("mix.sbatch", "afterok:100")], slurm.Submitted.Select(s => (Path.GetFileName(s.Script), s.Dependency)));
    }

    [Fact]
    public async Task Launch_EveryTaskComplete_SubmitsNothing()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        WriteMarker(output, "tag-00000", "tag/0/1");
        WriteMarker(output, "dedup-00000", "dedup/0/1");
        WriteMarker(output, "dedup-cluster", "dedup-cluster");
        Directory.CreateDirectory(Path.Combine(output, OutputLayout.Mix));
        await File.WriteAllTextAsync(Path.Combine(output, OutputLayout.Mix, "mix-report.json"), "{}", s_ct);

        SlurmLaunchResult result = await Launcher(slurm).LaunchAsync(Request(output, tasks: 1), dryRun: false, s_ct);

        Assert.True(result.WasComplete);
        Assert.Empty(slurm.Commands);
    }

    [Fact]
    public async Task Launch_OtherTaskCountThanTheUnfinishedRun_RefusedBeforeAnyCommand()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        WriteMarker(output, "tag-00000", "tag/0/4");

        var e = await Assert.ThrowsAsync<WorldSizeMismatchException>(() => Launcher(slurm).LaunchAsync(Request(output, tasks: 3), dryRun: false, s_ct));

        Assert.Contains("tag/0/4", e.Message, StringComparison.Ordinal);
        Assert.Empty(slurm.Commands);
        Assert.False(Directory.Exists(SlurmLayout.FolderOf(output)));
    }

    [Fact]
    public async Task Launch_EarlierJobStillRunning_RefusedNamingIt()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        await Launcher(slurm).LaunchAsync(Request(output, tasks: 2), dryRun: false, s_ct);
        slurm.Queue = "100_1|RUNNING|None\n101_[0-1]|PENDING|Dependency\n7|RUNNING|None\n";

        var e = await Assert.ThrowsAsync<SlurmRunActiveException>(() => Launcher(slurm).LaunchAsync(Request(output, tasks: 2), dryRun: false, s_ct));

        Assert.Equal(["100", "101"], e.JobIds);
        Assert.Equal(4, slurm.Submitted.Count);
    }

    [Fact]
    public async Task Launch_EarlierJobsGoneOrStuckBehindAFailure_SubmitsAgain()
    {
        var slurm = new FakeSlurm();
        string output = TestData.NewTempDirectory();
        await Launcher(slurm).LaunchAsync(Request(output, tasks: 2), dryRun: false, s_ct);
        slurm.Queue = "101_[0-1]|PENDING|DependencyNeverSatisfied\n";

        await Launcher(slurm).LaunchAsync(Request(output, tasks: 2), dryRun: false, s_ct);

        Assert.Equal(8, slurm.Submitted.Count);
        Assert.Equal(2, SlurmSubmissionLog.Read(output).Count);
    }

    [Fact]
    public async Task Launch_DryRunWithoutSlurm_WritesScriptsAndSubmitsNothing()
    {
        var slurm = new FakeSlurm { MaxArraySize = null, Queue = null };
        string output = TestData.NewTempDirectory();

        SlurmLaunchResult result = await Launcher(slurm).LaunchAsync(Request(output, tasks: 2), dryRun: true, s_ct);

        Assert.All(result.Jobs, j => Assert.True(File.Exists(j.Job.ScriptPath)));
        Assert.All(result.Jobs, j => Assert.Null(j.JobId));
        Assert.Empty(slurm.Submitted);
        Assert.Empty(SlurmSubmissionLog.Read(output));
    }

    [Fact]
    public async Task Launch_DryRun_WritesEveryScriptUnderATemporaryNameFirst()
    {
        var storage = new AtomicWriteRecorder();
        var launcher = new SlurmLauncher(new SlurmClient(new FakeSlurm { MaxArraySize = null, Queue = null }), storage, TimeProvider.System);

        SlurmLaunchResult result = await launcher.LaunchAsync(Request(TestData.NewTempDirectory(), tasks: 2), dryRun: true, s_ct);

        Assert.NotEmpty(result.Jobs);
        Assert.All(result.Jobs, j => Assert.Contains(j.Job.ScriptPath, storage.AtomicPaths));
    }

    [Fact]
    public async Task Launch_WithoutSlurmCommands_ThrowsCommandNotFound()
    {
        var slurm = new FakeSlurm { MaxArraySize = null };

        await Assert.ThrowsAsync<CommandNotFoundException>(() => Launcher(slurm).LaunchAsync(Request(TestData.NewTempDirectory(), tasks: 2), dryRun: false, s_ct));
    }

    private static SlurmLauncher Launcher(FakeSlurm slurm) => new(new SlurmClient(slurm), LocalStorage.Instance, TimeProvider.System);

    private static SlurmRunRequest Request(string output, int tasks)
    {
        string pipeline = Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml");
        return new SlurmRunRequest
        {
            PipelinePath = pipeline,
            OutputDirectory = output,
            CurateCommand = ["/opt/curate/curate"],
            Pipeline = PipelineConfigLoader.Load(pipeline),
            Slurm = new SlurmOptions { Tasks = tasks },
        };
    }

    private static void WriteMarker(string output, string name, string task)
    {
        Directory.CreateDirectory(Path.Combine(output, OutputLayout.Completions));
        File.WriteAllText(Path.Combine(output, OutputLayout.Completions, name), task + "\n");
    }

    /// <summary>Local storage that records every path written through <see cref="IStorage.CreateAtomic"/>.</summary>
    private sealed class AtomicWriteRecorder : IStorage
    {
        public List<string> AtomicPaths { get; } = [];

        public Stream OpenRead(string path) => LocalStorage.Instance.OpenRead(path);

        public AtomicWrite CreateAtomic(string path)
        {
            AtomicPaths.Add(path);
            return LocalStorage.Instance.CreateAtomic(path);
        }

        public AtomicWrite CreateNew(string path) => LocalStorage.Instance.CreateNew(path);

        public IReadOnlyList<string> List(string pattern) => LocalStorage.Instance.List(pattern);

        public bool Exists(string path) => LocalStorage.Instance.Exists(path);

        public long Length(string path) => LocalStorage.Instance.Length(path);

        public void Delete(string path) => LocalStorage.Instance.Delete(path);

        public void DeleteEmptyDirectory(string path) => LocalStorage.Instance.DeleteEmptyDirectory(path);

        public string Combine(params string[] parts) => LocalStorage.Instance.Combine(parts);
    }
}
