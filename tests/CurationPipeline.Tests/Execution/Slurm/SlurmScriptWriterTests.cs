using System.Diagnostics;
using CurationPipeline.Execution.Slurm;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;

namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary>
/// <see cref="SlurmScriptWriter"/>: the scripts are run by bash here, as an array element would run them, with a stand-in
/// <c>curate</c> that writes down its arguments, so the quoting is checked by the shell itself, not by reading the text.
/// </summary>
public sealed class SlurmScriptWriterTests
{
    private static readonly string[] s_awkwardNames = ["out dir", "it's", "$HOME `x` \\ 100%"];

    [Fact]
    public async Task Write_ArrayElement_RunsItsRankWithEveryPathIntactAndAppendsToItsLog()
    {
        string root = TestData.NewTempDirectory();
        string output = Path.Combine(root, s_awkwardNames[0], s_awkwardNames[1], s_awkwardNames[2]);
        string input = Path.Combine(root, "in put's");
        (string curate, string arguments) = FakeCurate(root);
        SlurmRunRequest request = Request(output, ["/bin/bash", curate], tasks: 7) with { InputOverrides = [input] };
        SlurmPassPlan plan = new(PassRegistry.Get(PassRegistry.Tag), 7, IsArray: true, [3, 4, 5, 6], CommandWorldSize: 7);
        var job = new SlurmJob(plan, Part: 1, RankOffset: 3, Ranks: [3, 4, 5, 6], Path.Combine(root, "tag-001.sbatch"));
        string script = new SlurmScriptWriter(request).Write(job);
        Directory.CreateDirectory(SlurmLayout.LogsOf(output));

        Assert.Equal(0, await RunAsync(script, arrayIndex: 2));
        Assert.Equal(0, await RunAsync(script, arrayIndex: 2));

        Assert.Equal(
            ["run", request.PipelinePath, "--output", output, "--pass", "tag", "--rank", "5", "--world-size", "7", "--input", input,
             "run", request.PipelinePath, "--output", output, "--pass", "tag", "--rank", "5", "--world-size", "7", "--input", input],
            await File.ReadAllLinesAsync(arguments, TestContext.Current.CancellationToken));
        string[] log = await File.ReadAllLinesAsync(Path.Combine(SlurmLayout.LogsOf(output), "tag-00005.log"), TestContext.Current.CancellationToken);
        Assert.Equal(2, log.Count(l => l.StartsWith("== curate slurm: task tag/5/7, job 42,", StringComparison.Ordinal)));
        Assert.Contains("#SBATCH --array=0-3\n", script, StringComparison.Ordinal);
        Assert.Contains($"#SBATCH --output=\"{SlurmLayout.LogsOf(output).Replace("%", "%%", StringComparison.Ordinal)}/tag-%A_%a.out\"\n", script, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --kill-on-invalid-dep=yes\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_MixJob_RunsEveryPassOnceWithTheTagWorldSize()
    {
        string root = TestData.NewTempDirectory();
        (string curate, string arguments) = FakeCurate(root);
        SlurmRunRequest request = Request(Path.Combine(root, "out"), ["/bin/bash", curate], tasks: 4);
        var plan = new SlurmPassPlan(PassRegistry.Get(PassRegistry.Mix), 1, IsArray: false, [0], CommandWorldSize: 4);
        string script = new SlurmScriptWriter(request).Write(new SlurmJob(plan, null, 0, [0], Path.Combine(root, "mix.sbatch")));
        Directory.CreateDirectory(SlurmLayout.LogsOf(request.OutputDirectory));

        Assert.Equal(0, await RunAsync(script, arrayIndex: null));

        Assert.Equal(["run", request.PipelinePath, "--output", request.OutputDirectory, "--world-size", "4"],
            await File.ReadAllLinesAsync(arguments, TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(SlurmLayout.LogsOf(request.OutputDirectory), "mix.log")));
        Assert.DoesNotContain("--array", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_JobSettings_BecomeSbatchLinesAndCpusBecomeWorkers()
    {
        SlurmRunRequest request = Request("/shared/out", ["/opt/curate/curate"], tasks: 2) with
        {
            Slurm = new SlurmOptions { Tasks = 2, Partition = "cpu", Account = "proj1", Qos = "normal", CpusPerTask = 8, Memory = "16G", TimeLimit = "2:00:00" },
        };
        var plan = new SlurmPassPlan(PassRegistry.Get(PassRegistry.Dedup), 2, IsArray: true, [0, 1], CommandWorldSize: 2);

        string script = new SlurmScriptWriter(request).Write(new SlurmJob(plan, null, 0, [0, 1], "/shared/out/slurm/dedup.sbatch"));

        Assert.Contains("#SBATCH --partition=cpu\n#SBATCH --account=proj1\n#SBATCH --qos=normal\n#SBATCH --cpus-per-task=8\n#SBATCH --mem=16G\n#SBATCH --time=2:00:00\n", script, StringComparison.Ordinal);
        Assert.Contains("--pass dedup --rank \"$rank\" --world-size 2 --workers 8\n", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain/path-1.0", "plain/path-1.0")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$x", "'$x'")]
    [InlineData("", "''")]
    public void Quote_Value_QuotedOnlyWhenBashWouldChangeIt(string value, string expected) => Assert.Equal(expected, SlurmScriptWriter.Quote(value));

    [Fact]
    public void Create_RelativeOutput_Refused() =>
        Assert.Throws<ArgumentException>(() => new SlurmScriptWriter(Request("out", ["/opt/curate/curate"], tasks: 1)));

    [Fact]
    public void Create_BlobOutput_RefusedNamingTheWayOut()
    {
        var e = Assert.Throws<ArgumentException>(() => new SlurmScriptWriter(Request("az://runs/out", ["/opt/curate/curate"], tasks: 1)));
        Assert.Contains("--rank I --world-size N", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BlobInputs_PassedToTheJobsAsTheyAre()
    {
        SlurmRunRequest request = Request("/shared/out", ["/opt/curate/curate"], tasks: 2) with { InputOverrides = ["az://crawl/2024/*.warc.gz"] };
        var plan = new SlurmPassPlan(PassRegistry.Get(PassRegistry.Tag), 2, IsArray: true, [0, 1], CommandWorldSize: 2);

        string script = new SlurmScriptWriter(request).Write(new SlurmJob(plan, null, 0, [0, 1], "/shared/out/slurm/tag.sbatch"));

        Assert.Contains("az://crawl/2024/*.warc.gz", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PartitionWithQuote_Refused() =>
        Assert.Throws<ArgumentException>(() => new SlurmScriptWriter(Request("/out", ["/opt/curate/curate"], tasks: 1) with { Slurm = new SlurmOptions { Tasks = 1, Partition = "a\"b" } }));

    private static SlurmRunRequest Request(string output, string[] command, int tasks)
    {
        string pipeline = Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml");
        return new SlurmRunRequest
        {
            PipelinePath = pipeline,
            OutputDirectory = output,
            CurateCommand = command,
            Pipeline = new PipelineOptions { Name = "quickstart" },
            Slurm = new SlurmOptions { Tasks = tasks },
        };
    }

    /// <summary>A stand-in <c>curate</c> (a bash script in a folder with a space, run as <c>/bin/bash SCRIPT</c>) that appends its arguments to a file, one per line.</summary>
    private static (string Curate, string Arguments) FakeCurate(string root)
    {
        string folder = Path.Combine(root, "bin dir");
        Directory.CreateDirectory(folder);
        string arguments = Path.Combine(root, "arguments.txt");
        string curate = Path.Combine(folder, "curate");
        File.WriteAllText(curate, $"#!/bin/bash\nprintf '%s\\n' \"$@\" >> {SlurmScriptWriter.Quote(arguments)}\necho ran\n");
        return (curate, arguments);
    }

    /// <summary>Runs a script with bash as Slurm would: job 42, and the array index when it is an array element.</summary>
    private static async Task<int> RunAsync(string script, int? arrayIndex)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["SLURM_JOB_ID"] = "42";
        if (arrayIndex is { } index)
        {
            start.Environment["SLURM_ARRAY_TASK_ID"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"bash exited {process.ExitCode}: {stderr} {await stdout}");
        return process.ExitCode;
    }
}
