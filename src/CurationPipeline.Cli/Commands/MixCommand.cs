using System.CommandLine;
using System.Globalization;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate mix TAGGED_DIR --config MIX.yaml --output DIR</c>: samples tagged data to a target domain mix.</summary>
public static class MixCommand
{
    private static readonly Argument<string> s_tagged = new("tagged") { Description = "The output directory of `curate run` (annotated/ and tokenized/): a folder or az://container/prefix." };

    private static readonly Option<FileInfo> s_config = new("--config", "-c") { Description = "The mix YAML file.", Required = true };

    private static readonly Option<string> s_output = new("--output", "-o") { Description = "Where the mix goes (train/, validation/, bin/, mix-report.json): a folder or az://container/prefix.", Required = true };

    private static readonly Option<ulong?> s_seed = new("--seed") { Description = "Replaces the mix's seed.", CustomParser = NumberParsers.UInt64 };

    private static readonly Option<long?> s_totalTokens = new("--total-tokens") { Description = "Replaces the mix's total_tokens (0 = the largest the data allows).", CustomParser = NumberParsers.Int64 };

    private static readonly Option<bool> s_verbose = new("--verbose", "-v") { Description = "Debug logging." };

    /// <summary>Builds the <c>mix</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("mix", "Mix tagged data: filters, dedup drop list, domain rules, target token shares, validation hold-out, shuffled shards.")
        {
            s_tagged, s_config, s_output, s_seed, s_totalTokens, StorageOption.Scratch, s_verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        bool verbose = parse.GetValue(s_verbose);
        using ILoggerFactory loggerFactory = Logging.Create(verbose);
        MixOptions options;
        try
        {
            options = MixConfigLoader.Load(parse.GetValue(s_config)!.FullName);
            if (parse.GetValue(s_seed) is { } seed)
            {
                options = options with { Seed = seed };
            }

            if (parse.GetValue(s_totalTokens) is { } totalTokens)
            {
                options = options with { TotalTokens = totalTokens };
            }

            options.Validate();
        }
        catch (Exception e) when (CommandErrors.IsConfiguration(e))
        {
            return CommandErrors.Configuration(e, verbose);
        }

        string output = RoutingStorage.FullPath(parse.GetValue(s_output)!);
        RoutingStorage storage = StorageOption.Create(parse);
        try
        {
            // One writer per output directory; the tagged directory is read, so no run may be writing it meanwhile.
            string tagged = RoutingStorage.FullPath(parse.GetValue(s_tagged)!);
            await using OutputLock outputLock = await OutputLock.AcquireAsync(storage, output, "curate mix", cancellationToken);
            await using OutputLock? taggedLock = tagged.TrimEnd('/') == output.TrimEnd('/')
                ? null
                : await OutputLock.AcquireReaderAsync(storage, tagged, "curate mix (reading)", cancellationToken);
            var mixer = new Mixer(storage, loggerFactory.CreateLogger<Mixer>());
            MixReport report = await mixer.RunAsync(tagged, output, options, cancellationToken);
            Console.WriteLine(report.FormatTable());
            foreach (string warning in report.Warnings)
            {
                Console.WriteLine($"warning: {warning}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mix written to {output} in {report.Seconds:F2} s ({MixReport.FileName})"));
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("curate: cancelled; no mix-report.json was written, so the mix is incomplete.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            return CommandErrors.Failed(e, "mix", verbose);
        }
        finally
        {
            StorageOption.PrintBlobStats(storage);
        }
    }
}
