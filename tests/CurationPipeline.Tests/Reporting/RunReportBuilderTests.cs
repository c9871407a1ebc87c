using CurationPipeline.Dedup;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Reporting;

public sealed class RunReportBuilderTests
{
    [Fact]
    public async Task BuildAsync_Quickstart_ReasonsHistogramsAndClustersAgreeWithTheRun()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = await QuickstartRun.OutputAsync(ct);

        RunReport report = await new RunReportBuilder(LocalStorage.Instance).BuildAsync(output, null, ct);

        StageStatsSnapshot read = report.Stats.Stages[0];
        Assert.Equal(read.Dropped.Values.Sum(), report.Reasons.Where(r => r.Stage == read.Name && !r.IsError).Sum(r => r.Count));
        Assert.All(report.Reasons.Where(r => r.Stage == read.Name), r => Assert.InRange(r.Examples.Count, 1, RunReportBuilder.ExamplesPerReason));
        long extracted = report.Stats.Stages.Single(s => s.Name == "extract").Out;
        Assert.Equal(extracted, report.Languages.Sum(l => l.Documents));
        Assert.Equal(report.Stats.Stages.Single(s => s.Name == "dedup").Out, report.Languages.Sum(l => l.AfterDedup));
        SignalHistogram quality = report.Signals.Single(s => s.Name == "quality");
        Assert.Equal(extracted, quality.Counts.Sum() + quality.Missing);
        Assert.Contains(0.3, quality.Thresholds); // quickstart-mix.yaml: quality at_least 0.3
        Assert.Equal(RunReportBuilder.LargestClusterCount, report.LargestClusters.Count);
        Assert.All(report.LargestClusters, c => Assert.True(c.Size >= 2 && c.Dropped.Count >= 1 && c.Kept.Id is not null));
    }

    [Fact]
    public async Task BuildAsync_TrainingDirectory_ReadsEveryRunsCurvesAndTheAblationTable()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = await QuickstartRun.OutputAsync(ct);
        string training = TestData.NewTempDirectory();
        string run = Path.Combine(training, "runs", "general-heavy", "seed-1");
        Directory.CreateDirectory(run);
        await File.WriteAllLinesAsync(Path.Combine(run, "metrics.jsonl"),
        [
            """{"kind":"step","step":1,"loss":10.5,"grad_norm":1.2,"lr":0.0003,"batch_tokens":512,"tokens_seen":512,"tokens_per_second":900,"mfu":null}""",
            """{"kind":"step","step":2,"loss":9.75,"lr":0.0006,"tokens_per_second":null}""",
            """{"kind":"validation","step":2,"loss":9.9,"domain_loss":{"code":9.5,"general":null}}""",
        ], ct);
        await File.WriteAllTextAsync(Path.Combine(training, "results.md"), "| mix | loss |\n|---|---|\n| general-heavy | 9.9 |\n", ct);

        RunReport report = await new RunReportBuilder(LocalStorage.Instance).BuildAsync(output, new RunReportOptions { TrainingDirectory = training }, ct);

        TrainingCurves curves = Assert.Single(report.Training);
        Assert.Equal(Path.Combine("runs", "general-heavy", "seed-1"), curves.Name);
        Assert.Equal([1L, 2L], curves.Steps.Select(s => s.Step));
        Assert.True(double.IsNaN(curves.Steps[1].TokensPerSecond));
        var validation = Assert.Single(curves.Validations);
        Assert.Equal(9.5, validation.DomainLoss["code"]);
        Assert.True(double.IsNaN(validation.DomainLoss["general"]));
        Assert.Contains("general-heavy", report.AblationTable, StringComparison.Ordinal);
        var html = new StringWriter();
        HtmlReportWriter.Write(report, html);
        Assert.Contains("id=\"training\"", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForPipeline_FineWebLike_CarriesTheFiltersThresholdsByColumn()
    {
        PipelineOptions pipeline = PipelineConfigLoader.Load(Path.Combine(TestData.RepoRoot, "pipelines", "fineweb-like.yaml"));

        RunReportOptions options = RunReportOptions.ForPipeline(pipeline, trainingDirectory: null);

        Assert.Contains(("fineweb.line_punct_ratio", 0.12), options.FilterThresholds);
        Assert.Contains(("gopher_quality.non_symbol_word_count", 50.0), options.FilterThresholds);
        Assert.Contains(("gopher_repetition.dup_line_frac", 0.3), options.FilterThresholds);
        Assert.Contains(options.FilterThresholds, t => t.Column == "language.score");
    }

    [Fact]
    public async Task FindAsync_ByDropReasonAndMixDomain_ReturnsOnlyMatches()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = await QuickstartRun.OutputAsync(ct);
        var inspector = new DocumentInspector(LocalStorage.Instance);

        var exact = new List<InspectedDocument>();
        await foreach (InspectedDocument match in inspector.FindAsync(output, new InspectQuery { Reason = DedupReasons.Exact, Limit = 1000 }, ct))
        {
            exact.Add(match);
        }

        var code = new List<InspectedDocument>();
        await foreach (InspectedDocument match in inspector.FindAsync(output, new InspectQuery { Domain = "code", Limit = 5 }, ct))
        {
            code.Add(match);
        }

        StatsReport stats = await StatsReport.ReadAsync(LocalStorage.Instance, Path.Combine(output, OutputLayout.MergedStats), ct);
        Assert.Equal(stats.Dedup!.DroppedExact, exact.Count);
        Assert.All(exact, m => Assert.Equal(DedupReasons.Exact, m.DropReason));
        Assert.InRange(code.Count, 1, 5);
        Assert.All(code, m => Assert.Equal("code", m.Domain));
    }
}
