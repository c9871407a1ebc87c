using System.CommandLine;
using System.Globalization;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using CurationPipeline.Training.Ablation;
using CurationPipeline.Training.Loop;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate ablate ABLATION.yaml</c>: builds several mixes of one tagged directory, trains one model per mix with the
/// same preset, recipe, seed and token budget, and writes the per-domain validation-loss table and the loss-curve plot.</summary>
public static class AblateCommand
{
    private static readonly Argument<FileInfo> s_config = new("ablation") { Description = "The ablation YAML file (see pipelines/ablation.yaml)." };

    private static readonly Option<string?> s_tagged = new("--tagged") { Description = "Replaces the file's tagged directory (the output of `curate run`)." };

    private static readonly Option<string?> s_output = new("--output", "-o") { Description = "Replaces the file's output directory." };

    private static readonly Option<int?> s_threads = new("--threads") { Description = "Replaces training.threads (libtorch CPU threads; 0: default).", CustomParser = NumberParsers.Int32 };

    private static readonly Option<bool> s_verbose = new("--verbose", "-v") { Description = "Debug logging." };

    /// <summary>Builds the <c>ablate</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("ablate", "Mix-ratio ablation: build each mix, train one small model per mix, compare per-domain validation loss (results.md, results.json, loss.svg).")
        {
            s_config, s_tagged, s_output, s_threads, s_verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        bool verbose = parse.GetValue(s_verbose);
        using ILoggerFactory loggerFactory = Logging.Create(verbose);
        AblationOptions options;
        try
        {
            options = AblationConfigLoader.Load(parse.GetValue(s_config)!.FullName);
            if (parse.GetValue(s_tagged) is { } tagged)
            {
                options = options with { TaggedDirectory = RoutingStorage.FullPath(tagged) };
            }

            if (parse.GetValue(s_output) is { } output)
            {
                options = options with { OutputDirectory = Path.GetFullPath(output) };
            }

            if (parse.GetValue(s_threads) is { } threads)
            {
                options = options with { Training = options.Training with { Threads = threads } };
            }

            options.Validate();
        }
        catch (Exception e) when (CommandErrors.IsConfiguration(e))
        {
            return CommandErrors.Configuration(e, verbose);
        }

        try
        {
            if (options.Training.Threads > 0)
            {
                TorchSharp.torch.set_num_threads(options.Training.Threads);
            }

            // One writer per output directory, and no run writing the tagged directory while its mixes are built.
            // The tagged directory may be on blob storage; the output (checkpoints, curves) is a local folder.
            var storage = new RoutingStorage();
            await using OutputLock outputLock = await OutputLock.AcquireAsync(storage, options.OutputDirectory, "curate ablate", cancellationToken);
            await using OutputLock? taggedLock = Path.TrimEndingDirectorySeparator(options.TaggedDirectory) == Path.TrimEndingDirectorySeparator(options.OutputDirectory)
                ? null
                : await OutputLock.AcquireReaderAsync(storage, options.TaggedDirectory, "curate ablate (reading)", cancellationToken);
            var runner = new AblationRunner(storage, loggerFactory, PeakFlops.MeasureMatmul());
            AblationResult result = await runner.RunAsync(options, cancellationToken);
            Console.WriteLine(AblationReport.FormatMarkdown(result));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ablation written to {options.OutputDirectory}: {AblationReport.MarkdownFileName}, {AblationReport.JsonFileName}, {AblationReport.PlotFileName}"));
            return ExitCodes.Success;
        }
        catch (ValidationSetMismatchException e)
        {
            return CommandErrors.Configuration(e, verbose);
        }
        catch (TypeInitializationException e) when (e.TypeName == "TorchSharp.torch")
        {
            Console.Error.WriteLine(TorchLoadFailure.Describe(e, verbose));
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("curate: cancelled; no results were written.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            return CommandErrors.Failed(e, "ablate", verbose);
        }
    }
}
