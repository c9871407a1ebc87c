using CurationPipeline.Dedup;
using CurationPipeline.Pipelines;
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

        RunReport report = await new RunReportBuilder(LocalStorage.Instance).BuildAsync(output, ct);

        StageStatsSnapshot read = report.Stats.Stages[0];
        Assert.Equal(read.Dropped.Values.Sum(), report.Reasons.Where(r => r.Stage == read.Name && !r.IsError).Sum(r => r.Count));
        Assert.All(report.Reasons.Where(r => r.Stage == read.Name), r => Assert.InRange(r.Examples.Count, 1, RunReportBuilder.ExamplesPerReason));
        long extracted = report.Stats.Stages.Single(s => s.Name == "extract").Out;
        Assert.Equal(extracted, report.Languages.Sum(l => l.Documents));
        SignalHistogram quality = report.Signals.Single(s => s.Name == "quality");
        Assert.Equal(extracted, quality.Counts.Sum() + quality.Missing);
        Assert.Contains(0.3, quality.Thresholds); // quickstart-mix.yaml: quality at_least 0.3
        Assert.Equal(RunReportBuilder.LargestClusterCount, report.LargestClusters.Count);
        Assert.All(report.LargestClusters, c => Assert.True(c.Size >= 2 && c.Dropped.Count >= 1 && c.Kept.Id is not null));
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
