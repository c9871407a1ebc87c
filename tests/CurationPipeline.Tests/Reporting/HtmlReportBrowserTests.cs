using System.Text.Json;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;
using PuppeteerSharp;

namespace CurationPipeline.Tests.Reporting;

/// <summary>
/// The quickstart's report rendered in headless Chromium (Debian's, installed by <c>.ci/run</c> and <c>scripts/test.sh</c> as
/// root): no console error, no request beyond the page itself, a screenshot, and a funnel whose numbers equal <c>stats.json</c>.
/// </summary>
public sealed class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task QuickstartReport_InHeadlessChromium_SelfContainedNoErrorsAndFunnelEqualsStats()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        if (!File.Exists(Chromium))
        {
            string missing = $"{Chromium} is not installed (apt-get install -y chromium; .ci/run and scripts/test.sh as root install it)";
            Assert.False(TestData.RequireFixtures, missing); // CI requires it
            Assert.Skip(missing);
        }

        string output = await QuickstartRun.OutputAsync(ct);
        RunReport report = await new RunReportBuilder(LocalStorage.Instance).BuildAsync(output, null, ct);
        string html = Path.Combine(TestData.NewTempDirectory(), "report.html");
        await using (var writer = new StreamWriter(html))
        {
            HtmlReportWriter.Write(report, writer);
        }

        await using IBrowser browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium,
            Timeout = 180_000, // Chromium starts in about a second, but the suite runs tests in parallel on two cores
            ProtocolTimeout = 180_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
        await using IPage page = await browser.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                errors.Add(e.Message.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e.Message);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            requests.Add(e.Request.Url);
            await (e.Request.Url.StartsWith("file:", StringComparison.Ordinal) ? e.Request.ContinueAsync() : e.Request.AbortAsync());
        };

        await page.GoToAsync(new Uri(html).AbsoluteUri, WaitUntilNavigation.Load);
        string screenshot = Path.ChangeExtension(html, ".png");
        await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
        string rows = await page.EvaluateExpressionAsync<string>(
            "JSON.stringify([...document.querySelectorAll('tr[data-stage]')].map(r => [r.dataset.stage, +r.dataset.in, +r.dataset.out, +r.dataset.dropped, +r.dataset.errors]))");

        Assert.Empty(errors);
        Assert.All(requests, url => Assert.StartsWith("file:", url, StringComparison.Ordinal));
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is blank");
        StatsReport stats = await StatsReport.ReadAsync(LocalStorage.Instance, Path.Combine(output, OutputLayout.MergedStats), ct);
        var shown = JsonSerializer.Deserialize<JsonElement[][]>(rows)!
            .Select(r => (r[0].GetString(), r[1].GetInt64(), r[2].GetInt64(), r[3].GetInt64(), r[4].GetInt64()));
        Assert.Equal(stats.Stages.Select(s => ((string?)s.Name, s.In, s.Out, s.DroppedTotal, s.ErrorsTotal)), shown);
    }
}
