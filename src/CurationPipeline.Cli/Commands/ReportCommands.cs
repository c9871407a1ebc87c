using System.CommandLine;
using System.Globalization;
using CurationPipeline.Documents;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;

namespace CurationPipeline.Cli.Commands;

/// <summary>
/// <c>curate report OUT</c> (a self-contained HTML page), <c>curate inspect OUT</c> (matching documents in the terminal) and
/// <c>curate stats OUT</c> (kept documents and tokens per language and host).
/// </summary>
public static class ReportCommands
{
    private const int ExcerptChars = 400;

    /// <summary>Builds the <c>report</c> command.</summary>
    public static Command CreateReportCommand()
    {
        var directory = new Argument<string>("output") { Description = "The output directory of a complete `curate run` (a local folder or az://…)." };
        var file = new Option<string?>("--output", "-o") { Description = "The HTML file to write, local or az://… (default: OUT/report.html)." };
        var pipeline = new Option<FileInfo?>("--pipeline") { Description = "The pipeline the run was made with: its filters' thresholds are marked on the histograms." };
        var training = new Option<DirectoryInfo?>("--training") { Description = "A `curate train` or `curate ablate` output directory: loss curves, learning rate, throughput, the ablation table (default: OUT/training when present)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the stack trace of a failure." };
        var command = new Command("report", "Write a self-contained HTML report of a run: funnel, drop reasons with examples, dedup, signal histograms, the mix.")
        {
            directory, file, pipeline, training, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = new RoutingStorage();
            string output = RoutingStorage.FullPath(parse.GetValue(directory)!);
            string html = parse.GetValue(file) is { } target ? RoutingStorage.FullPath(target) : storage.Combine(output, "report.html");
            RunReportOptions options;
            try
            {
                string? trainingDirectory = parse.GetValue(training)?.FullName;
                options = parse.GetValue(pipeline) is { } pipelineFile
                    ? RunReportOptions.ForPipeline(PipelineConfigLoader.Load(pipelineFile.FullName), trainingDirectory)
                    : new RunReportOptions { TrainingDirectory = trainingDirectory };
            }
            catch (Exception e) when (CommandErrors.IsConfiguration(e))
            {
                return CommandErrors.Configuration(e, parse.GetValue(verbose));
            }

            try
            {
                RunReport report = await new RunReportBuilder(storage).BuildAsync(output, options, cancellationToken);
                await using (AtomicWrite write = storage.CreateAtomic(html))
                {
                    await using (var writer = new StreamWriter(write.Stream, leaveOpen: true))
                    {
                        HtmlReportWriter.Write(report, writer);
                    }

                    await write.CommitAsync(cancellationToken);
                }

                Console.WriteLine($"report written to {html}");
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CommandErrors.Failed(e, "report", parse.GetValue(verbose));
            }
        });
        return command;
    }

    /// <summary>Builds the <c>inspect</c> command.</summary>
    public static Command CreateInspectCommand()
    {
        var directory = new Argument<string>("output") { Description = "The output directory of `curate run` (a local folder or az://…)." };
        var reason = new Option<string?>("--reason") { Description = "A filter reason (filter_reason) or a drop list reason (dedup.exact, dedup.minhash, …)." };
        var domain = new Option<string?>("--domain") { Description = "A mix domain: documents the mix put in it." };
        var id = new Option<string?>("--id") { Description = "A document id." };
        var limit = new Option<int?>("--limit") { Description = "The most documents printed (default 20).", CustomParser = NumberParsers.Int32 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the stack trace of a failure." };
        var command = new Command("inspect", "Print the documents of a run that match a reason, a mix domain or an id, with their signals.")
        {
            directory, reason, domain, id, limit, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = new InspectQuery { Reason = parse.GetValue(reason), Domain = parse.GetValue(domain), Id = parse.GetValue(id), Limit = parse.GetValue(limit) ?? 20 };
            try
            {
                int count = 0;
                await foreach (InspectedDocument match in new DocumentInspector(new RoutingStorage()).FindAsync(RoutingStorage.FullPath(parse.GetValue(directory)!), query, cancellationToken))
                {
                    Print(match);
                    count++;
                }

                Console.WriteLine($"{count} document(s)");
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CommandErrors.Failed(e, "inspect", parse.GetValue(verbose));
            }
        });
        return command;
    }

    /// <summary>Builds the <c>stats</c> command.</summary>
    public static Command CreateStatsCommand()
    {
        var directory = new Argument<string>("output") { Description = "A tagged directory (the output of `curate run`; a local folder or az://…)." };
        var top = new Option<int?>("--top") { Description = "Hosts listed, most tokens first (default 20; every language is listed).", CustomParser = NumberParsers.Int32 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print the stack trace of a failure." };
        var command = new Command("stats", "Print the kept documents and tokens per language and per host, before and after dedup (drop list and paragraph dedup).")
        {
            directory, top, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                TokenSummary summary = await TokenSummary.BuildAsync(new RoutingStorage(), RoutingStorage.FullPath(parse.GetValue(directory)!), cancellationToken);
                PrintCounts("language", summary.Languages, int.MaxValue);
                PrintCounts("host", summary.Hosts, parse.GetValue(top) ?? 20);
                return ExitCodes.Success;
            }
            catch (Exception e)
            {
                return CommandErrors.Failed(e, "stats", parse.GetValue(verbose));
            }
        });
        return command;
    }

    private static void PrintCounts(string what, IReadOnlyList<TokenCount> counts, int limit)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{what,-32} {"documents",12} {"tokens",15} {"docs after dedup",17} {"tokens after dedup",19}"));
        foreach (TokenCount count in counts.Take(limit))
        {
            Console.WriteLine(string.Create(c, $"{count.Key,-32} {count.Documents,12:N0} {count.Tokens,15:N0} {count.DocumentsAfterDedup,17:N0} {count.TokensAfterDedup,19:N0}"));
        }

        if (counts.Count > limit)
        {
            Console.WriteLine(string.Create(c, $"… {counts.Count - limit:N0} more {what}s"));
        }

        Console.WriteLine(string.Create(c, $"{"total",-32} {counts.Sum(x => x.Documents),12:N0} {counts.Sum(x => x.Tokens),15:N0} {counts.Sum(x => x.DocumentsAfterDedup),17:N0} {counts.Sum(x => x.TokensAfterDedup),19:N0}"));
        Console.WriteLine();
    }

    private static void Print(InspectedDocument match)
    {
        AnnotatedDocument d = match.Document;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"── {d.Id}  {d.Url}");
        Console.WriteLine($"   title: {d.Title}  source: {d.SourcePath}@{d.SourceOffset.ToString(c)}");
        Console.WriteLine($"   filter_reason: {d.FilterReason ?? "-"}  dedup: {match.DropReason ?? "kept"}  mix domain: {match.Domain ?? "-"}");
        int number = 0, text = 0;
        foreach ((string name, SignalKind kind) in d.Signals.Schema.Columns)
        {
            string value = kind == SignalKind.Number ? d.Signals.Numbers[number++].ToString("G6", c) : d.Signals.Texts[text++] ?? "null";
            Console.WriteLine($"   {name} = {value}");
        }

        string excerpt = d.Text.ReplaceLineEndings(" ");
        Console.WriteLine($"   text: {(excerpt.Length <= ExcerptChars ? excerpt : excerpt[..ExcerptChars] + "…")}");
        Console.WriteLine();
    }
}
