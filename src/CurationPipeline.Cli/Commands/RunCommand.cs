using System.CommandLine;
using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Reporting;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate run PIPELINE.yaml</c>: runs the tag pass of a pipeline file.</summary>
internal static class RunCommand
{
    /// <summary>The <c>--pass</c> value that runs every pass in order.</summary>
    private const string All = "all";

    private static readonly Argument<FileInfo> s_pipeline = new("pipeline") { Description = "The pipeline YAML file." };

    private static readonly Option<string[]> s_input = new("--input", "-i")
    {
        Description = "Input files, directories or globs (WARC, WET, ARC, JSON Lines, Parquet); replaces the pipeline's input.paths.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string?> s_output = new("--output", "-o") { Description = "Output directory; replaces the pipeline's output." };

    private static readonly Option<int?> s_rank = new("--rank") { Description = "Run only this task of the pass (0-based); default: every task in turn.", CustomParser = NumberParsers.Int32 };

    private static readonly Option<int?> s_worldSize = new("--world-size") { Description = "Number of tasks the pass is split into; replaces execution.world_size.", CustomParser = NumberParsers.Int32 };

    private static readonly Option<int?> s_workers = new("--workers") { Description = "Threads per CPU stage (0 = one per core); replaces execution.workers.", CustomParser = NumberParsers.Int32 };

    private static readonly Option<string> s_pass = new("--pass")
    {
        Description = "all: tag tasks, then dedup once every tag task is done (default); tag: only the tag tasks; "
            + "dedup: the candidate step of dedup task --rank of --world-size; cluster: the final dedup step over all --world-size candidate tasks; "
            + "embed: embed the survivors of tag task --rank (semantic: enabled); semdedup: SemDeDup over all embeddings.",
        DefaultValueFactory = _ => All,
    };

    private static readonly Option<bool> s_verbose = new("--verbose", "-v") { Description = "Debug logging, including every per-document failure." };

    public static Command Create()
    {
        var command = new Command("run", "Run a pipeline: read, extract, tokenize and write annotated, tokenized and rejects shards plus stats.json.")
        {
            s_pipeline, s_input, s_output, s_pass, s_rank, s_worldSize, s_workers, StorageOption.Scratch, s_verbose,
        };
        s_pass.AcceptOnlyFromAmong([All, .. PassRegistry.RunnableAlone.Select(p => p.Name)]);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        bool verbose = parse.GetValue(s_verbose);
        using ILoggerFactory loggerFactory = Logging.Create(verbose);
        ILogger logger = loggerFactory.CreateLogger("curate");
        RoutingStorage storage = StorageOption.Create(parse);
        PipelineOptions options;
        PipelineRunner runner;
        IReadOnlyList<string> inputs;
        string output;
        try
        {
            options = ApplyOverrides(PipelineConfigLoader.Load(parse.GetValue(s_pipeline)!.FullName), parse);
            output = options.Output ?? throw new ArgumentException("No output directory: set output: in the pipeline or pass --output.");
            runner = TagPipelineFactory.CreateRunner(options, storage, loggerFactory);
            inputs = runner.ResolveInputs(options.Input.Paths);
        }
        catch (Exception e) when (CommandErrors.IsConfiguration(e))
        {
            return CommandErrors.Configuration(e, verbose);
        }

        string pass = parse.GetValue(s_pass)!;
        try
        {
            return pass != All && PassRegistry.Get(pass).IsStepAfterTag
                ? await RunGlobalStepAsync(runner, pass, output, options.Execution.WorldSize, parse.GetValue(s_rank), logger, verbose, cancellationToken)
                : await RunTagAsync(runner, storage, options, inputs, output, pass, parse, logger, verbose, cancellationToken);
        }
        finally
        {
            StorageOption.PrintBlobStats(storage);
        }
    }

    private static async Task<int> RunTagAsync(PipelineRunner runner, RoutingStorage storage, PipelineOptions options, IReadOnlyList<string> inputs, string output, string pass,
        ParseResult parse, ILogger logger, bool verbose, CancellationToken cancellationToken)
    {
        try
        {
            StatsReport? report;
            await using (var display = new ProgressDisplay(options.Execution.ProgressInterval))
            await using (var progress = new RunProgressWriter(storage, output, options.Execution.ProgressInterval, display))
            {
                report = await runner.RunAsync(inputs, output, options.Execution, parse.GetValue(s_rank), progress, cancellationToken, runDedup: pass == All);
            }

            if (report is null)
            {
                logger.LogInformation("Task done; stats.json is written when every task of the pass is complete.");
            }
            else
            {
                ProgressDisplay.PrintSummary(report, output);
            }

            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("curate: cancelled; the unfinished task left no completion marker and will run again next time.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            return CommandErrors.Failed(e, PassRegistry.Tag, verbose);
        }
    }

    private static async Task<int> RunGlobalStepAsync(PipelineRunner runner, string pass, string output, int worldSize, int? rank, ILogger logger, bool verbose, CancellationToken cancellationToken)
    {
        PassInfo step = PassRegistry.Get(pass);
        bool semantic = step.IsSemantic;
        if ((semantic ? runner.Semantic : (object?)runner.Dedup) is null)
        {
            Console.Error.WriteLine(semantic
                ? "curate: the pipeline does not enable the semantic pass (semantic.enabled: true)."
                : "curate: the pipeline disables dedup (dedup.enabled: false).");
            return ExitCodes.InvalidConfiguration;
        }

        if (step.NeedsRank && rank is null)
        {
            Console.Error.WriteLine($"curate: --pass {pass} needs --rank (and --world-size).");
            return ExitCodes.InvalidConfiguration;
        }

        if (!step.NeedsRank && rank is not null)
        {
            Console.Error.WriteLine($"curate: --pass {pass} is one global step over all --world-size tasks; it takes no --rank.");
            return ExitCodes.InvalidConfiguration;
        }

        try
        {
            if (pass == PassRegistry.Embed)
            {
                await runner.Semantic!.EmbedTaskAsync(output, rank!.Value, worldSize, cancellationToken);
            }
            else if (pass == PassRegistry.SemDedup)
            {
                SemanticDedupStats stats = await runner.Semantic!.DeduplicateAsync(output, worldSize, cancellationToken);
                logger.LogInformation("SemDeDup: {Dropped} of {Documents} documents dropped", stats.Dropped, stats.Documents);
            }
            else if (pass == PassRegistry.Dedup)
            {
                DedupPass dedup = runner.Dedup!;
                long pairs = await dedup.RunCandidatesAsync(output, rank!.Value, worldSize, cancellationToken);
                logger.LogInformation("Dedup task {Rank}/{WorldSize}: {Pairs} candidate pairs", rank, worldSize, pairs);
            }
            else
            {
                DedupPass dedup = runner.Dedup!;
                await dedup.RunClusterAsync(output, worldSize, cancellationToken);
                logger.LogInformation("Drop list: {Path}", dedup.DropListPath(output));
            }

            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("curate: cancelled; the unfinished step left no completion marker.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            return CommandErrors.Failed(e, pass, verbose);
        }
    }

    private static PipelineOptions ApplyOverrides(PipelineOptions options, ParseResult parse)
    {
        string[]? inputs = parse.GetValue(s_input);
        if (inputs is { Length: > 0 })
        {
            options = options with { Input = options.Input with { Paths = inputs.Select(RoutingStorage.FullPath).ToArray() } };
        }

        if (parse.GetValue(s_output) is { } output)
        {
            options = options with { Output = output };
        }

        ExecutionOptions execution = options.Execution;
        if (parse.GetValue(s_worldSize) is { } worldSize)
        {
            execution = execution with { WorldSize = worldSize };
        }

        if (parse.GetValue(s_workers) is { } workers)
        {
            execution = execution with { Workers = workers };
        }

        execution.Validate();
        if (parse.GetValue(s_rank) is { } rank)
        {
            new PipelineTask("tag", rank, execution.WorldSize).Validate();
        }

        return options with { Execution = execution };
    }
}
