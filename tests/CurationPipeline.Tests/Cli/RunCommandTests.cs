using CurationPipeline.Cli;

namespace CurationPipeline.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_UnknownKey_ExitsWithConfigErrorBeforeAnyWork()
    {
        string dir = TestData.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        await File.WriteAllTextAsync(pipeline, "name: x\nextract:\n  timeout: 2s\n  tiemout: 3s\n", TestContext.Current.CancellationToken);
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", pipeline, "--output", Path.Combine(dir, "out"));

        Assert.Equal(1, code);
        Assert.Contains("p.yaml:4:", error.ToString());
        Assert.Contains("unknown key 'tiemout'", error.ToString());
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public async Task Run_InputMatchesNothing_ExitsWithConfigError()
    {
        string dir = TestData.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        await File.WriteAllTextAsync(pipeline, "name: x\n", TestContext.Current.CancellationToken);
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", pipeline, "--input", Path.Combine(dir, "none-*.warc.gz"), "--output", Path.Combine(dir, "out"));

        Assert.Equal(1, code);
        Assert.Contains("matches no file", error.ToString());
    }

    [Fact]
    public async Task Run_JsonLinesInputOverride_WritesStatsAndExitsZero()
    {
        string dir = TestData.NewTempDirectory();
        string output = Path.Combine(dir, "out");
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"),
            "--input", Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl"), "--output", output, "--workers", "1");

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(output, "stats.json")), error.ToString());
    }

    [Fact]
    public async Task Run_RankWithTheClusterStep_ExitsOneBeforeAnyWork()
    {
        string output = Path.Combine(TestData.NewTempDirectory(), "out");
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"), "--output", output, "--pass", "cluster", "--rank", "1", "--world-size", "2");

        Assert.Equal(1, code);
        Assert.Contains("takes no --rank", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Run_DedupStepBeforeEveryTagTask_ExitsOneNamingTheMissingMarkers()
    {
        string output = Path.Combine(TestData.NewTempDirectory(), "out");
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"), "--output", output, "--pass", "dedup", "--rank", "0", "--world-size", "2");

        Assert.Equal(1, code);
        Assert.Contains("completions/tag-00000, completions/tag-00001", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(output, "completions")) ? Directory.GetFiles(Path.Combine(output, "completions")) : []);
    }

    [Fact]
    public async Task Run_OutputPathIsAFile_ExitsTwoWithOneLineNamingStageAndPath()
    {
        string dir = TestData.NewTempDirectory();
        string output = Path.Combine(dir, "out");
        await File.WriteAllTextAsync(output, "not a directory", TestContext.Current.CancellationToken);
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"),
            "--input", Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl"), "--output", output, "--workers", "1");

        Assert.Equal(2, code);
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("curate:", StringComparison.Ordinal));
        Assert.Contains("stage 'output'", line, StringComparison.Ordinal); // taking the output directory is the first write
        Assert.Contains(output, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WorkersNotAnInteger_SaysSoWithoutTheClrType()
    {
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"), "--workers", "abc");

        Assert.Equal(1, code);
        Assert.Contains("--workers: 'abc' is not an integer", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MixFileMissing_ExitsWithConfigErrorBeforeAnyWork()
    {
        string dir = TestData.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        await File.WriteAllTextAsync(pipeline, "name: x\nmix: none/mix.yaml\n", TestContext.Current.CancellationToken);
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", pipeline, "--input", Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl"),
            "--output", Path.Combine(dir, "out"));

        Assert.Equal(1, code);
        Assert.Contains("p.yaml:2:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("'mix'", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public async Task Run_MixColumnThePipelineDoesNotWrite_ExitsWithConfigErrorBeforeTheTagPass()
    {
        string dir = TestData.NewTempDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir, "mix.yaml"), "filters:\n  - { column: qualty, at_least: 0.3, default: \"1\" }\n", TestContext.Current.CancellationToken);
        string pipeline = Path.Combine(dir, "p.yaml");
        await File.WriteAllTextAsync(pipeline, $"name: x\nclassifiers: [{Path.Combine(TestData.RepoRoot, "classifiers", "quality.ngram")}]\nmix: mix.yaml\n",
            TestContext.Current.CancellationToken);
        var error = new StringWriter();

        int code = await InvokeAsync(error, "run", pipeline, "--input", Path.Combine(TestData.RepoRoot, "sample-warc", "quickstart-docs.jsonl"),
            "--output", Path.Combine(dir, "out"));

        Assert.Equal(1, code);
        Assert.Contains("Column 'qualty'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("quality", error.ToString().Replace("qualty", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    private static async Task<int> InvokeAsync(StringWriter error, params string[] args)
    {
        TextWriter original = Console.Error;
        Console.SetError(error);
        try
        {
            return await CurateCommand.Create().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
