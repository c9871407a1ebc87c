using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Reporting;

/// <summary>One complete quickstart run (tag, dedup, mix) shared by the reporting tests of a test run.</summary>
internal static class QuickstartRun
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static string? s_output;

    public static async Task<string> OutputAsync(CancellationToken cancellationToken)
    {
        await s_gate.WaitAsync(cancellationToken);
        try
        {
            if (s_output is null)
            {
                PipelineOptions options = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "quickstart.yaml"));
                PipelineRunner runner = TagPipelineFactory.CreateRunner(options, LocalStorage.Instance, NullLoggerFactory.Instance);
                string output = TestData.NewTempDirectory();
                await runner.RunAsync(runner.ResolveInputs(options.Input.Paths), output, options.Execution, null, null, cancellationToken);
                s_output = output;
            }

            return s_output;
        }
        finally
        {
            s_gate.Release();
        }
    }
}
