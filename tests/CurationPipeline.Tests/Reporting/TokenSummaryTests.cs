using CurationPipeline.Dedup;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Reporting;

/// <summary><c>curate stats</c>: kept documents and tokens per language and host of the quickstart's tagged directory.</summary>
public sealed class TokenSummaryTests
{
    [Fact]
    public async Task BuildAsync_Quickstart_LanguagesAndHostsAddUpToStatsAndDropList()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = await QuickstartRun.OutputAsync(ct);
        StatsReport stats = await StatsReport.ReadAsync(LocalStorage.Instance, Path.Combine(output, OutputLayout.MergedStats), ct);
        int drops = DropListFile.Read(LocalStorage.Instance, Path.Combine(output, OutputLayout.Dedup, OutputLayout.DropList)).Count;

        TokenSummary summary = await TokenSummary.BuildAsync(LocalStorage.Instance, output, ct);

        foreach (IReadOnlyList<TokenCount> counts in (IReadOnlyList<TokenCount>[])[summary.Languages, summary.Hosts])
        {
            Assert.Equal(stats.Tokens, counts.Sum(c => c.Tokens));
            Assert.Equal(stats.Dedup!.Documents, counts.Sum(c => c.Documents)); // every kept document was signed
            Assert.Equal(counts.Sum(c => c.Documents) - drops, counts.Sum(c => c.DocumentsAfterDedup));
            Assert.All(counts, c => Assert.InRange(c.TokensAfterDedup, 0, c.Tokens));
            Assert.Equal(counts.OrderByDescending(c => c.Tokens).Select(c => c.Tokens), counts.Select(c => c.Tokens));
        }

        Assert.Equal("en", summary.Languages[0].Key);
        Assert.Contains(summary.Languages, c => c.Key == "de");
        Assert.Contains(summary.Hosts, c => c.Key == "example-news.test" && c.DocumentsAfterDedup < c.Documents); // its recaptures were dropped
    }

    [Fact]
    public async Task BuildAsync_TokenizedRowsWithoutTheirAnnotatedRows_Throws()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string output = await QuickstartRun.OutputAsync(ct);
        string copy = TestData.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(copy, OutputLayout.Tokenized));
        foreach (string shard in Directory.GetFiles(Path.Combine(output, OutputLayout.Tokenized)))
        {
            File.Copy(shard, Path.Combine(copy, OutputLayout.Tokenized, Path.GetFileName(shard)));
        }

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => TokenSummary.BuildAsync(LocalStorage.Instance, copy, ct));

        Assert.Contains("one tag pass", e.Message, StringComparison.Ordinal);
    }
}
