using System.Diagnostics;
using System.Text.RegularExpressions;
using CurationPipeline.Tests.Pipelines;

namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary>
/// <c>curate slurm</c> on a real single-node Slurm (<see cref="SlurmCluster"/>): the quickstart with four inputs, submitted as
/// <c>--tasks 4</c>, against one local <c>curate run</c> of the same pipeline (<see cref="RunOutputs.AssertSameAsync"/>: drop list
/// and mix byte for byte, tokenized and annotated rows as sets).
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmQuickstartTests(SlurmCluster cluster, SlurmQuickstartTests.LocalReference local) : IClassFixture<SlurmQuickstartTests.LocalReference>
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Slurm_QuickstartWithFourTasks_CompletesWithTheLocalRunsOutputs()
    {
        cluster.SkipUnlessUp();
        (string input, string pipeline, string reference) = await local.GetAsync();
        string output = Path.Combine(TestData.NewTempDirectory(), "out dir"); // a space: every path in the scripts is quoted

        var clock = Stopwatch.StartNew();
        (int code, string stdout, string stderr) = await Curate([], "slurm", pipeline, "--tasks", "4", "--cpus-per-task", "1", "--input", input, "--output", output);
        Assert.True(code == 0, stderr);
        Assert.Matches(new Regex(@"^tag: job \d+: array 0-3 \(4 of 4 tasks\)", RegexOptions.Multiline), stdout);
        Assert.Matches(new Regex(@"^mix: job \d+: single job, after cluster", RegexOptions.Multiline), stdout);

        // While it runs: the later passes wait in Slurm's queue (squeue), behind the tag array.
        (code, stdout, stderr) = await Curate([], "status", output);
        Assert.True(code == 0, stdout + stderr);
        Assert.Matches(new Regex(@"dedup\s+4 task\(s\): 4 queued"), stdout);
        Assert.Matches(new Regex(@"mix\s+1 task\(s\): 1 queued"), stdout);
        await cluster.WaitForEmptyQueueAsync(s_runTimeout);
        TestContext.Current.TestOutputHelper?.WriteLine($"curate slurm --tasks 4: {clock.Elapsed.TotalSeconds:0.0} s from submission to an empty queue");

        (code, stdout, stderr) = await Curate([], "status", output);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("complete", stdout.Split('\n')[0], StringComparison.Ordinal);
        Assert.Matches(new Regex(@"tag\s+4 task\(s\): 4 done"), stdout);
        await RunOutputs.AssertSameAsync(reference, output, TestContext.Current.CancellationToken);
        Assert.Empty(Directory.GetFiles(output, ".tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Slurm_OneArrayElementKilled_StatusReportsItAndRelaunchRunsOnlyIt()
    {
        cluster.SkipUnlessUp();
        (string input, string pipeline, string reference) = await local.GetAsync();
        string output = TestData.NewTempDirectory();
        string[] submit = ["slurm", pipeline, "--tasks", "4", "--input", input, "--output", output];

        // Tag task 2 kills itself (SIGKILL) just before its completion marker: its array element fails, and the jobs after it never run.
        (int code, _, string stderr) = await Curate(new() { ["CURATE_FAULT_KILL"] = "before:*/completions/tag-00002" }, submit);
        Assert.True(code == 0, stderr);
        await cluster.WaitForEmptyQueueAsync(s_runTimeout);

        (code, string status, _) = await Curate([], "status", output);
        Assert.Equal(3, code);
        Assert.Matches(new Regex(@"tag\s+4 task\(s\): 3 done, 1 failed"), status);
        Assert.Matches(new Regex(@"dedup\s+4 task\(s\): 4 not started"), status);
        Assert.Matches(new Regex(@"^tag/2/4: failed \(job \d+_2 ended without a completion marker\)", RegexOptions.Multiline), status);
        Assert.Matches(new Regex(@"^  \| .*Killed", RegexOptions.Multiline), status); // the log's last lines
        Assert.DoesNotContain("tag/0/4: failed", status, StringComparison.Ordinal);

        // A changed task count is refused before anything is submitted.
        (code, _, stderr) = await Curate([], ["slurm", pipeline, "--tasks", "3", "--input", input, "--output", output]);
        Assert.Equal(1, code);
        Assert.Contains("another split", stderr, StringComparison.Ordinal);

        (code, string stdout, stderr) = await Curate([], submit);
        Assert.True(code == 0, stderr);
        Assert.Matches(new Regex(@"^tag: job \d+: array 2 \(1 of 4 tasks\)", RegexOptions.Multiline), stdout);
        await cluster.WaitForEmptyQueueAsync(s_runTimeout);

        (code, status, _) = await Curate([], "status", output);
        Assert.True(code == 0, status);
        Assert.Contains("complete", status.Split('\n')[0], StringComparison.Ordinal);
        string logs = Path.Combine(output, "slurm", "logs");
        Assert.Equal(2, Attempts(Path.Combine(logs, "tag-00002.log"), "tag/2/4"));
        foreach (int rank in (int[])[0, 1, 3])
        {
            Assert.Equal(1, Attempts(Path.Combine(logs, $"tag-{rank:D5}.log"), $"tag/{rank}/4"));
        }

        await RunOutputs.AssertSameAsync(reference, output, TestContext.Current.CancellationToken);
        Assert.Empty(Directory.GetFiles(output, ".tmp-*", SearchOption.AllDirectories));
    }

    /// <summary>How many times a task started: the header lines its job scripts wrote to its log.</summary>
    private static int Attempts(string log, string task) =>
        File.ReadLines(log).Count(l => l.StartsWith($"== curate slurm: task {task},", StringComparison.Ordinal));

    private Task<(int, string, string)> Curate(Dictionary<string, string> environment, params string[] arguments)
    {
        environment[SlurmCluster.ConfigVariable] = cluster.ConfigPath;
        return CurateProcess.RunAsync(environment, TimeSpan.FromMinutes(2), arguments);
    }

    /// <summary>One local <c>curate run</c> of the test pipeline, made on first use and shared by the tests of the class.</summary>
    public sealed class LocalReference
    {
        private readonly Lazy<Task<(string Input, string Pipeline, string Output)>> _run = new(RunAsync);

        /// <summary>The input folder, the pipeline file and the local run's output directory.</summary>
        public Task<(string Input, string Pipeline, string Output)> GetAsync() => _run.Value;

        private static async Task<(string, string, string)> RunAsync()
        {
            string input = RunOutputs.WriteInput();
            string pipeline = RunOutputs.WritePipeline(input);
            string output = TestData.NewTempDirectory();
            (int code, _, string stderr) = await CurateProcess.RunAsync(new Dictionary<string, string>(), TimeSpan.FromMinutes(3), "run", pipeline, "--input", input, "--output", output);
            Assert.True(code == 0, stderr);
            return (input, pipeline, output);
        }
    }
}
