using System.Globalization;
using System.Net;
using System.Text;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stats;

namespace CurationPipeline.Reporting;

/// <summary>
/// Renders a <see cref="RunReport"/> as one self-contained HTML page: inline CSS and inline SVG charts, no script, no external
/// request (it opens offline and from a file share).
/// </summary>
/// <remarks>
/// Sections: the funnel (documents per stage as a share of the records read, tokens), languages, kept tokens per language and
/// host before and after dedup, drop and error reasons with
/// example documents beside kept ones, dedup (exact, near, semantic; cluster sizes; the largest clusters), one histogram per signal
/// with the mix's thresholds marked, the mix (target vs achieved share per domain), and training runs (loss per step and per
/// validation domain, learning rate, throughput; the ablation table) when a training directory was given. Funnel cells carry <c>data-*</c> attributes
/// with the exact counts, so tools can read the numbers back.
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>Hosts listed in the token table; <c>curate stats</c> lists all.</summary>
    private const int TopHosts = 20;

    private static readonly CultureInfo s_c = CultureInfo.InvariantCulture;

    /// <summary>Writes the page.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Receives the HTML.</param>
    public static void Write(RunReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>curate report</title><style>").Append(Css).Append("</style></head><body>");
        StatsReport stats = report.Stats;
        html.Append(s_c, $"<h1>Run report</h1><p class=\"sub\">{E(report.OutputDirectory)} · {stats.Tasks.Count} task(s) · {stats.Files:N0} input files · {stats.Tokens:N0} tokens tagged · {stats.WallSeconds:F1} s</p>");
        Funnel(html, report);
        Languages(html, report);
        Tokens(html, report.Tokens);
        Reasons(html, report);
        Dedup(html, report);
        Signals(html, report);
        Mix(html, report.Mix);
        Training(html, report);
        html.Append("</body></html>");
        writer.Write(html.ToString());
    }

    private static void Funnel(StringBuilder html, RunReport report)
    {
        IReadOnlyList<StageStatsSnapshot> stages = report.Stats.Stages;
        long start = stages.Count > 0 ? stages[0].In : 0;
        html.Append("<h2 id=\"funnel\">Funnel</h2><table class=\"funnel\"><tr><th>stage</th><th>in</th><th>out</th><th>dropped</th><th>errors</th><th>kept of start</th><th></th></tr>");
        foreach (StageStatsSnapshot stage in stages)
        {
            double share = start == 0 ? 0 : (double)stage.Out / start;
            html.Append(s_c, $"<tr data-stage=\"{E(stage.Name)}\" data-in=\"{stage.In}\" data-out=\"{stage.Out}\" data-dropped=\"{stage.DroppedTotal}\" data-errors=\"{stage.ErrorsTotal}\">")
                .Append(s_c, $"<td>{E(stage.Name)}</td><td>{stage.In:N0}</td><td>{stage.Out:N0}</td><td>{stage.DroppedTotal:N0}</td><td>{stage.ErrorsTotal:N0}</td><td>{share:P1}</td>")
                .Append(s_c, $"<td>{Bar(share, "#3b7dd8")}</td></tr>");
        }

        html.Append("</table>");
        if (report.Mix is { } mix)
        {
            html.Append(s_c, $"<p>Mix <b>{E(mix.Name)}</b>: <span data-train-tokens=\"{mix.TrainTokens}\">{mix.TrainTokens:N0}</span> training tokens and {mix.ValidationTokens:N0} validation tokens from {report.Stats.Tokens:N0} tagged tokens (budget {mix.BudgetTokens:N0}).</p>");
        }
    }

    private static void Languages(StringBuilder html, RunReport report)
    {
        if (report.Languages.Count == 0)
        {
            return;
        }

        html.Append("<h2 id=\"languages\">Languages</h2><table><tr><th>language</th><th>documents</th><th>kept by the filters</th><th>after dedup</th><th>kept share</th></tr>");
        foreach (LanguageFunnel language in report.Languages)
        {
            double share = language.Documents == 0 ? 0 : (double)language.AfterDedup / language.Documents;
            html.Append(s_c, $"<tr><td>{E(language.Language)}</td><td>{language.Documents:N0}</td><td>{language.Kept:N0}</td><td>{language.AfterDedup:N0}</td><td>{Bar(share, "#4caf7d")} {share:P0}</td></tr>");
        }

        html.Append("</table>");
    }

    /// <summary>Kept tokens per language (all) and per host (the largest <see cref="TopHosts"/>), before and after dedup.</summary>
    private static void Tokens(StringBuilder html, TokenSummary? tokens)
    {
        if (tokens is null || tokens.Languages.Count == 0)
        {
            return;
        }

        html.Append("<h2 id=\"tokens\">Tokens per language and host</h2>");
        TokenTable(html, "language", tokens.Languages);
        TokenTable(html, "host", [.. tokens.Hosts.Take(TopHosts)]);
        if (tokens.Hosts.Count > TopHosts)
        {
            html.Append(s_c, $"<p>{tokens.Hosts.Count - TopHosts:N0} more hosts: <code>curate stats</code> lists every one.</p>");
        }
    }

    private static void TokenTable(StringBuilder html, string kind, IReadOnlyList<TokenCount> rows)
    {
        html.Append(s_c, $"<table data-tokens=\"{kind}\"><tr><th>{kind}</th><th>documents</th><th>tokens</th><th>documents after dedup</th><th>tokens after dedup</th></tr>");
        foreach (TokenCount row in rows)
        {
            html.Append(s_c, $"<tr data-key=\"{E(row.Key)}\" data-tokens-after=\"{row.TokensAfterDedup}\"><td>{E(row.Key)}</td><td>{row.Documents:N0}</td><td>{row.Tokens:N0}</td><td>{row.DocumentsAfterDedup:N0}</td><td>{row.TokensAfterDedup:N0}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Reasons(StringBuilder html, RunReport report)
    {
        html.Append("<h2 id=\"reasons\">Drops and errors</h2>");
        if (report.Reasons.Count == 0)
        {
            html.Append("<p>Nothing was dropped.</p>");
            return;
        }

        foreach (IGrouping<string, ReasonExamples> stage in report.Reasons.GroupBy(r => r.Stage))
        {
            html.Append(s_c, $"<h3>{E(stage.Key)}</h3>");
            foreach (ReasonExamples reason in stage)
            {
                html.Append(s_c, $"<details><summary><code class=\"{(reason.IsError ? "err" : "drop")}\">{E(reason.Reason)}</code> {reason.Count:N0}</summary>");
                if (reason.Examples.Count > 0)
                {
                    html.Append("<div class=\"pair\"><div><h4>dropped</h4>");
                    Documents(html, reason.Examples);
                    html.Append("</div><div><h4>kept</h4>");
                    Documents(html, report.KeptExamples);
                    html.Append("</div></div>");
                }

                html.Append("</details>");
            }
        }
    }

    private static void Dedup(StringBuilder html, RunReport report)
    {
        if (report.Dedup is not { } dedup)
        {
            return;
        }

        html.Append("<h2 id=\"dedup\">Dedup</h2>")
            .Append(s_c, $"<p>{dedup.Documents:N0} documents, {dedup.Clusters:N0} duplicate clusters: {(dedup.DroppedUrl > 0 ? $"<b>{dedup.DroppedUrl:N0}</b> older captures of a URL, " : "")}<b>{dedup.DroppedExact:N0}</b> exact, <b>{dedup.DroppedNear:N0}</b> near (MinHash) and <b>{report.SemanticDrops:N0}</b> semantic duplicates dropped")
            .Append(s_c, $"{(dedup.DuplicateIds > 0 ? $"; {dedup.DuplicateIds:N0} documents share an id with another (kept apart by source)" : "")}.</p>");
        if (dedup.Paragraphs is { } paragraphs)
        {
            html.Append(s_c, $"<p>Paragraph dedup: <b>{paragraphs.ParagraphsRemoved:N0}</b> of {paragraphs.Paragraphs:N0} paragraphs removed; {paragraphs.DocumentsModified:N0} documents rewritten, <b>{paragraphs.DocumentsEmptied:N0}</b> emptied and dropped.</p>");
        }

        if (dedup.ClusterSizes.Count > 0)
        {
            html.Append("<h3>Cluster sizes</h3>");
            Columns(html, [.. dedup.ClusterSizes.Select(s => (s.Key.ToString(s_c), s.Value))], "#8e6cc0");
        }

        if (report.LargestClusters.Count > 0)
        {
            html.Append("<h3>Largest clusters</h3>");
            foreach (DuplicateCluster cluster in report.LargestClusters)
            {
                html.Append(s_c, $"<details><summary>{cluster.Size} documents · <code>{E(cluster.Reason)}</code> · kept {E(cluster.Kept.Title ?? cluster.Kept.Id)}</summary><div class=\"pair\"><div><h4>kept</h4>");
                Documents(html, [cluster.Kept]);
                html.Append("</div><div><h4>dropped</h4>");
                Documents(html, cluster.Dropped);
                html.Append("</div></div></details>");
            }
        }
    }

    private static void Signals(StringBuilder html, RunReport report)
    {
        if (report.Signals.Count == 0)
        {
            return;
        }

        html.Append("<h2 id=\"signals\">Signals and scores</h2><p class=\"sub\">Documents per value; red lines are the mix's thresholds.</p><div class=\"grid\">");
        foreach (SignalHistogram signal in report.Signals)
        {
            html.Append(s_c, $"<figure><figcaption>{E(signal.Name)}{(signal.Missing > 0 ? $" <span class=\"sub\">({signal.Missing:N0} not scored)</span>" : "")}</figcaption>");
            Histogram(html, signal);
            html.Append("</figure>");
        }

        html.Append("</div>");
    }

    private static void Mix(StringBuilder html, MixReport? mix)
    {
        if (mix is null)
        {
            return;
        }

        html.Append("<h2 id=\"mix\">Mix</h2><table><tr><th>domain</th><th>target</th><th>achieved</th><th></th><th>documents</th><th>tokens</th><th>epochs</th><th>validation tokens</th></tr>");
        foreach (DomainMixReport domain in mix.Domains)
        {
            html.Append(s_c, $"<tr><td>{E(domain.Domain)}{(domain.Short ? " <span class=\"err\">short</span>" : "")}</td><td>{domain.TargetShare:P1}</td><td>{domain.AchievedShare:P1}</td>")
                .Append(s_c, $"<td>{Bar(domain.TargetShare, "#bbb")}<br>{Bar(domain.AchievedShare, "#e08a2e")}</td><td>{domain.Documents:N0}</td><td>{domain.Tokens:N0}</td><td>{domain.Epochs:F2}</td><td>{domain.ValidationTokens:N0}</td></tr>");
        }

        html.Append("</table>");
        if (mix.Excluded.Count > 0)
        {
            html.Append("<h3>Left out of the mix</h3><table><tr><th>reason</th><th>documents</th></tr>");
            foreach ((string reason, long count) in mix.Excluded.OrderByDescending(e => e.Value))
            {
                html.Append(s_c, $"<tr><td><code class=\"drop\">{E(reason)}</code></td><td>{count:N0}</td></tr>");
            }

            foreach ((string filter, long count) in mix.FilterDrops.OrderByDescending(e => e.Value))
            {
                html.Append(s_c, $"<tr><td>&nbsp;&nbsp;filter <code>{E(filter)}</code></td><td>{count:N0}</td></tr>");
            }

            html.Append("</table>");
        }

        foreach (string warning in mix.Warnings)
        {
            html.Append(s_c, $"<p class=\"err\">{E(warning)}</p>");
        }
    }

    private static readonly string[] s_palette = ["#3b7dd8", "#e08a2e", "#4caf7d", "#8e6cc0", "#d33", "#2aa7b8", "#b8a12a", "#777"];

    private static void Training(StringBuilder html, RunReport report)
    {
        if (report.Training.Count == 0 && report.AblationTable is null)
        {
            return;
        }

        html.Append("<h2 id=\"training\">Training</h2>");
        if (report.AblationTable is { } table)
        {
            html.Append("<h3>Ablation</h3><pre>").Append(E(table)).Append("</pre>");
        }

        foreach (TrainingCurves run in report.Training)
        {
            html.Append(s_c, $"<h3>{E(run.Name)}</h3><div class=\"grid\">");
            var loss = new List<(string, IReadOnlyList<(double, double)>)> { ("train", [.. run.Steps.Select(s => ((double)s.Step, s.Loss))]) };
            if (run.Validations.Count > 0)
            {
                loss.Add(("validation", [.. run.Validations.Select(v => ((double)v.Step, v.Loss))]));
                foreach (string domain in run.Validations.SelectMany(v => v.DomainLoss.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    loss.Add(($"val {domain}", [.. run.Validations.Where(v => v.DomainLoss.ContainsKey(domain)).Select(v => ((double)v.Step, v.DomainLoss[domain]))]));
                }
            }

            Chart(html, "loss", loss);
            Chart(html, "learning rate", [("lr", [.. run.Steps.Select(s => ((double)s.Step, s.LearningRate))])]);
            Chart(html, "tokens/s", [("tokens/s", [.. run.Steps.Select(s => ((double)s.Step, s.TokensPerSecond))])]);
            html.Append("</div>");
        }
    }

    /// <summary>A line chart of one or more series over steps, with a legend; non-finite points are skipped.</summary>
    private static void Chart(StringBuilder html, string title, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series)
    {
        const int Width = 300, Height = 120;
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Y)).ToArray();
        html.Append(s_c, $"<figure><figcaption>{E(title)}</figcaption>");
        if (points.Length == 0)
        {
            html.Append("<p class=\"sub\">no values</p></figure>");
            return;
        }

        double x0 = points.Min(p => p.X), x1 = points.Max(p => p.X), y0 = points.Min(p => p.Y), y1 = points.Max(p => p.Y);
        double X(double x) => x1 > x0 ? (x - x0) / (x1 - x0) * Width : Width / 2.0;
        double Y(double y) => y1 > y0 ? Height - ((y - y0) / (y1 - y0) * Height) : Height / 2.0;
        html.Append(s_c, $"<svg viewBox=\"0 0 {Width} {Height + 16}\" width=\"{Width}\" height=\"{Height + 16}\" role=\"img\">");
        for (int i = 0; i < series.Count; i++)
        {
            string path = string.Join(' ', series[i].Points.Where(p => double.IsFinite(p.Y)).Select(p => string.Create(s_c, $"{X(p.X):F1},{Y(p.Y):F1}")));
            html.Append(s_c, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{s_palette[i % s_palette.Length]}\" stroke-width=\"1.5\"><title>{E(series[i].Name)}</title></polyline>");
        }

        html.Append(s_c, $"<text x=\"0\" y=\"{Height + 13}\">step {x0:G6}</text><text x=\"{Width}\" y=\"{Height + 13}\" text-anchor=\"end\">{x1:G6} · y {y0:G4}–{y1:G4}</text></svg>");
        if (series.Count > 1)
        {
            html.Append("<div class=\"sub\">");
            for (int i = 0; i < series.Count; i++)
            {
                html.Append(s_c, $"<span style=\"color:{s_palette[i % s_palette.Length]}\">■</span> {E(series[i].Name)} ");
            }

            html.Append("</div>");
        }

        html.Append("</figure>");
    }

    private static void Documents(StringBuilder html, IReadOnlyList<ExampleDocument> documents)
    {
        foreach (ExampleDocument document in documents)
        {
            html.Append("<div class=\"doc\"><div class=\"t\">").Append(E(document.Title ?? document.Id ?? "(no id)")).Append("</div>");
            if (document.Url is { } url)
            {
                html.Append("<div class=\"u\">").Append(E(url)).Append("</div>");
            }

            html.Append("<div class=\"x\">").Append(E(document.Excerpt)).Append("</div></div>");
        }
    }

    private static void Histogram(StringBuilder html, SignalHistogram signal)
    {
        const int Width = 300, Height = 90;
        long max = signal.Counts.Count == 0 ? 0 : signal.Counts.Max();
        html.Append(s_c, $"<svg viewBox=\"0 0 {Width} {Height + 16}\" width=\"{Width}\" height=\"{Height + 16}\" role=\"img\">");
        double barWidth = signal.Counts.Count == 0 ? 0 : (double)Width / signal.Counts.Count;
        for (int i = 0; i < signal.Counts.Count; i++)
        {
            double h = max == 0 ? 0 : Height * (double)signal.Counts[i] / max;
            html.Append(s_c, $"<rect x=\"{i * barWidth:F1}\" y=\"{Height - h:F1}\" width=\"{Math.Max(barWidth - 1, 0.5):F1}\" height=\"{h:F1}\" fill=\"#3b7dd8\"><title>{signal.Counts[i]:N0}</title></rect>");
        }

        double range = signal.Maximum - signal.Minimum;
        foreach (double threshold in signal.Thresholds)
        {
            double x = range <= 0 ? Width / 2.0 : Math.Clamp((threshold - signal.Minimum) / range, 0, 1) * Width;
            html.Append(s_c, $"<line x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"0\" y2=\"{Height}\" stroke=\"#d33\" stroke-width=\"2\"><title>threshold {threshold:G4}</title></line>");
        }

        html.Append(s_c, $"<text x=\"0\" y=\"{Height + 13}\">{signal.Minimum:G4}</text><text x=\"{Width}\" y=\"{Height + 13}\" text-anchor=\"end\">{signal.Maximum:G4}</text></svg>");
    }

    private static void Columns(StringBuilder html, IReadOnlyList<(string Label, long Count)> columns, string color)
    {
        const int Height = 90, Step = 26;
        long max = columns.Max(c => c.Count);
        html.Append(s_c, $"<svg viewBox=\"0 0 {columns.Count * Step} {Height + 16}\" width=\"{columns.Count * Step}\" height=\"{Height + 16}\" role=\"img\">");
        for (int i = 0; i < columns.Count; i++)
        {
            double h = max == 0 ? 0 : Height * (double)columns[i].Count / max;
            html.Append(s_c, $"<rect x=\"{i * Step + 3}\" y=\"{Height - h:F1}\" width=\"{Step - 6}\" height=\"{h:F1}\" fill=\"{color}\"><title>{columns[i].Count:N0} clusters of {E(columns[i].Label)}</title></rect>")
                .Append(s_c, $"<text x=\"{i * Step + Step / 2}\" y=\"{Height + 13}\" text-anchor=\"middle\">{E(columns[i].Label)}</text>");
        }

        html.Append("</svg>");
    }

    private static string Bar(double share, string color) =>
        string.Create(s_c, $"<svg width=\"160\" height=\"10\" role=\"img\"><rect width=\"160\" height=\"10\" fill=\"#eee\"/><rect width=\"{Math.Clamp(share, 0, 1) * 160:F1}\" height=\"10\" fill=\"{color}\"/></svg>");

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private const string Css = """
        body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
        h1{margin-bottom:0}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}.sub{color:#666}
        table{border-collapse:collapse}td,th{padding:3px 10px;text-align:right;border-bottom:1px solid #f0f0f0}td:first-child,th:first-child{text-align:left}
        details{margin:4px 0}summary{cursor:pointer}code.drop{color:#8a5a00}code.err,.err{color:#c0392b}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin:6px 0 12px}.doc{border-left:3px solid #ddd;padding:2px 8px;margin:6px 0}
        .t{font-weight:600}.u{color:#3b7dd8;font-size:12px;word-break:break-all}.x{color:#444;font-size:12px}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}figure{margin:0}figcaption{font-weight:600;font-size:13px}
        svg text{font-size:10px;fill:#666}
        """;
}
