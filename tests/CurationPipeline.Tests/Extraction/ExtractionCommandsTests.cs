using System.CommandLine;
using CurationPipeline.Cli.Commands;

namespace CurationPipeline.Tests.Extraction;

public sealed class ExtractionCommandsTests
{
    private static Task<int> InvokeAsync(params string[] args)
    {
        var root = new RootCommand { ExtractionCommands.CreateExtractCommand(), ExtractionCommands.CreateEvalCommand() };
        return root.Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Extract_MarkdownFormat_Succeeds()
    {
        string page = Path.Combine(TestData.NewTempDirectory(), "page.html");
        await File.WriteAllTextAsync(page, "<h2>Heading</h2><p>text</p>", TestContext.Current.CancellationToken);

        Assert.Equal(0, await InvokeAsync("extract", "--format", "markdown", page));
    }

    [Fact]
    public async Task Extract_UnknownFormat_UsageError()
    {
        string page = Path.Combine(TestData.NewTempDirectory(), "page.html");
        await File.WriteAllTextAsync(page, "<p>text</p>", TestContext.Current.CancellationToken);

        Assert.NotEqual(0, await InvokeAsync("extract", "--format", "html", page));
    }

    [Fact]
    public async Task Extract_MissingPath_ExitCodeOne()
    {
        Assert.Equal(1, await InvokeAsync("extract", Path.Combine(TestData.NewTempDirectory(), "absent.html")));
    }

    [Fact]
    public async Task EvalExtraction_FolderWithoutGroundTruth_ExitCodeOne()
    {
        Assert.Equal(1, await InvokeAsync("eval", "extraction", "--benchmark", TestData.NewTempDirectory()));
    }

    [Fact]
    public async Task EvalExtraction_WcxbFolder_Succeeds()
    {
        Assert.Equal(0, await InvokeAsync("eval", "extraction", "--benchmark", WcxbEvaluatorTests.WriteTinyBenchmark()));
    }
}
