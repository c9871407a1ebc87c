using CurationPipeline.Tests.Execution.Slurm;

namespace CurationPipeline.Tests.Cli;

/// <summary><c>curate slurm</c> and <c>curate status</c> as processes, where no cluster is needed: dry runs, refusals and exit codes.</summary>
public sealed class SlurmCommandTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);
    private static readonly Dictionary<string, string> s_inherited = [];

    [Fact]
    public async Task Slurm_DryRun_WritesScriptsCallingThisCurateAndSubmitsNothing()
    {
        string output = Path.Combine(TestData.NewTempDirectory(), "out");

        (int code, string stdout, string stderr) = await CurateProcess.RunAsync(s_inherited, s_timeout,
            "slurm", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"), "--tasks", "2", "--output", output, "--dry-run");

        Assert.True(code == 0, stderr);
        Assert.Contains("tag: array 0-1 (2 of 2 tasks)", stdout, StringComparison.Ordinal);
        Assert.Contains("mix: single job, after cluster", stdout, StringComparison.Ordinal);
        string tag = await File.ReadAllTextAsync(Path.Combine(output, "slurm", "tag.sbatch"), TestContext.Current.CancellationToken);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "curate") + " run ", tag, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "slurm", "submissions.json")));
    }

    [Fact]
    public async Task Slurm_TasksMissing_ExitsOne()
    {
        (int code, _, string stderr) = await CurateProcess.RunAsync(s_inherited, s_timeout, "slurm", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));

        Assert.Equal(1, code);
        Assert.Contains("--tasks", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slurm_OtherTaskCountThanTheUnfinishedRun_ExitsOneNamingTheFix()
    {
        string output = TestData.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(output, "completions"));
        await File.WriteAllTextAsync(Path.Combine(output, "completions", "tag-00000"), "tag/0/4\n", TestContext.Current.CancellationToken);

        (int code, _, string stderr) = await CurateProcess.RunAsync(s_inherited, s_timeout,
            "slurm", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"), "--tasks", "2", "--output", output, "--dry-run");

        Assert.Equal(1, code);
        Assert.Contains("completions/tag-00000 says tag/0/4", stderr, StringComparison.Ordinal);
        Assert.Contains("--tasks it was started with", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slurm_UnfinishedRunOfAnotherConfiguration_ExitsOneBeforeWritingScripts()
    {
        // The first tag task of a local run recorded its inputs; a submission over other inputs would mix two runs' shards.
        string output = Path.Combine(TestData.NewTempDirectory(), "out");
        string pipeline = Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml");
        string docs = Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl");
        (int first, _, string firstErr) = await CurateProcess.RunAsync(s_inherited, TimeSpan.FromMinutes(5),
            "run", pipeline, "--input", docs, "--output", output, "--pass", "tag", "--rank", "0", "--world-size", "2", "--workers", "1");
        Assert.True(first == 0, firstErr);

        (int code, _, string stderr) = await CurateProcess.RunAsync(s_inherited, s_timeout,
            "slurm", pipeline, "--tasks", "2", "--output", output, "--dry-run");

        Assert.Equal(1, code);
        Assert.Contains("inputs differ from tag-config.json", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "slurm")));

        (int same, _, string sameErr) = await CurateProcess.RunAsync(s_inherited, s_timeout,
            "slurm", pipeline, "--tasks", "2", "--input", docs, "--output", output, "--dry-run");
        Assert.True(same == 0, sameErr);
    }

    [Fact]
    public async Task Status_MissingDirectory_ExitsOne()
    {
        (int code, _, string stderr) = await CurateProcess.RunAsync(s_inherited, s_timeout, "status", Path.Combine(TestData.NewTempDirectory(), "none"));

        Assert.Equal(1, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }
}
