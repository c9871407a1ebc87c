using System.CommandLine;
using System.Globalization;
using System.Reflection;
using CurationPipeline.Execution;
using CurationPipeline.Execution.Slurm;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Passes;
using CurationPipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate slurm PIPELINE.yaml --tasks N</c>: submits a run as chained Slurm jobs (only the tasks not yet complete).</summary>
internal static class SlurmCommand
{
    /// <summary>The longest a Slurm client command (<c>sbatch</c>, <c>squeue</c>, …) may take.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private static readonly Argument<FileInfo> s_pipeline = new("pipeline") { Description = "The pipeline YAML file." };

    private static readonly Option<int?> s_tasks = new("--tasks") { Description = "Tasks the tag pass is split into (the array size; also the embed array and, up to the MinHash band count, the dedup array).", Required = true, CustomParser = NumberParsers.Int32 };

    private static readonly Option<string[]> s_input = new("--input", "-i")
    {
        Description = "Input files, directories or globs; replaces the pipeline's input.paths (they must be readable on every node).",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string?> s_output = new("--output", "-o") { Description = "Output directory, on a file system every node mounts; replaces the pipeline's output." };

    private static readonly Option<string?> s_partition = new("--partition") { Description = "Slurm partition of every job." };

    private static readonly Option<int?> s_cpus = new("--cpus-per-task") { Description = "CPUs per task (also the task's --workers).", CustomParser = NumberParsers.Int32 };

    private static readonly Option<string?> s_memory = new("--mem") { Description = "Memory per task, as Slurm writes it (4G)." };

    private static readonly Option<string?> s_time = new("--time") { Description = "Time limit per task, as Slurm writes it (2:00:00)." };

    private static readonly Option<string?> s_qos = new("--qos") { Description = "Slurm QOS of every job." };

    private static readonly Option<string?> s_account = new("--account") { Description = "Slurm account of every job." };

    private static readonly Option<bool> s_dryRun = new("--dry-run") { Description = "Only write the job scripts (under OUT/slurm/) and print what would be submitted." };

    private static readonly Option<bool> s_verbose = new("--verbose", "-v") { Description = "Print the stack trace of a failure." };

    public static Command Create()
    {
        var command = new Command("slurm", "Submit a pipeline run to Slurm: a job array per pass split into tasks, one job per global step, chained with afterok; "
            + "run it again to resubmit only the tasks without a completion marker.")
        {
            s_pipeline, s_tasks, s_input, s_output, s_partition, s_cpus, s_memory, s_time, s_qos, s_account, s_dryRun, s_verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>A run already in the output directory must be resumed with the configuration it started with: checked before any script is written.</summary>
    private static async Task CheckConfigurationAsync(SlurmRunRequest request, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(request.OutputDirectory))
        {
            return;
        }

        PipelineOptions pipeline = request.InputOverrides.Count == 0
            ? request.Pipeline
            : request.Pipeline with { Input = request.Pipeline.Input with { Paths = request.InputOverrides } };
        PipelineRunner runner = TagPipelineFactory.CreateRunner(pipeline, new RoutingStorage(), NullLoggerFactory.Instance);
        await runner.CheckConfigurationAsync(runner.ResolveInputs(pipeline.Input.Paths), request.OutputDirectory, cancellationToken);
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        bool verbose = parse.GetValue(s_verbose);
        SlurmRunRequest request;
        try
        {
            string pipelinePath = parse.GetValue(s_pipeline)!.FullName;
            PipelineOptions pipeline = PipelineConfigLoader.Load(pipelinePath);
            string output = parse.GetValue(s_output) ?? pipeline.Output
                ?? throw new ArgumentException("No output directory: set output: in the pipeline or pass --output.");
            request = new SlurmRunRequest
            {
                PipelinePath = pipelinePath,
                OutputDirectory = RoutingStorage.FullPath(output),
                CurateCommand = CurateExecutable(),
                InputOverrides = [.. (parse.GetValue(s_input) ?? []).Select(RoutingStorage.FullPath)],
                Pipeline = pipeline,
                Slurm = new SlurmOptions
                {
                    Tasks = parse.GetValue(s_tasks) ?? 0,
                    Partition = parse.GetValue(s_partition),
                    CpusPerTask = parse.GetValue(s_cpus),
                    Memory = parse.GetValue(s_memory),
                    TimeLimit = parse.GetValue(s_time),
                    Qos = parse.GetValue(s_qos),
                    Account = parse.GetValue(s_account),
                },
            };
            request.Validate();
        }
        catch (Exception e) when (CommandErrors.IsConfiguration(e))
        {
            return CommandErrors.Configuration(e, verbose);
        }

        try
        {
            await CheckConfigurationAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is ConfigurationChangedException || CommandErrors.IsConfiguration(e))
        {
            return CommandErrors.Configuration(e, verbose);
        }

        bool dryRun = parse.GetValue(s_dryRun);
        var launcher = new SlurmLauncher(new SlurmClient(new ProcessCommandRunner(CommandTimeout)), LocalStorage.Instance, TimeProvider.System);
        SlurmLaunchResult result;
        try
        {
            result = await launcher.LaunchAsync(request, dryRun, cancellationToken);
        }
        catch (WorldSizeMismatchException e)
        {
            int code = CommandErrors.Configuration(e, verbose);
            Console.Error.WriteLine($"curate: the task count of an unfinished run cannot change: submit it again with the --tasks it was started with (curate status shows it), or use a new output directory.");
            return code;
        }
        catch (Exception e) when (e is SlurmRunActiveException or SlurmCommandException or CommandNotFoundException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"curate: {e.Message}{(e is CommandNotFoundException ? " Slurm's client commands are needed (--dry-run only writes the scripts)." : "")}");
            if (verbose)
            {
                Console.Error.WriteLine(e.ToString());
            }

            return ExitCodes.RunFailed;
        }

        Print(result, request.OutputDirectory, dryRun);
        return ExitCodes.Success;
    }

    private static void Print(SlurmLaunchResult result, string output, bool dryRun)
    {
        if (result.WasComplete)
        {
            Console.WriteLine($"every task of the run in {output} is complete; nothing to submit.");
            return;
        }

        foreach ((SlurmJob job, string? id, IReadOnlyList<SlurmJob> afterOk) in result.Jobs)
        {
            SlurmPassPlan plan = job.Plan;
            string what = plan.IsArray
                ? string.Create(CultureInfo.InvariantCulture, $"array {job.ArraySpec} ({job.Ranks.Count} of {plan.WorldSize} tasks{(job.RankOffset > 0 ? $", rank = {job.RankOffset} + index" : "")})")
                : "single job";
            string after = afterOk.Count == 0 ? "" : $", after {string.Join(", ", afterOk.Select(j => j.Plan.Pass.Name).Distinct())}";
            Console.WriteLine(dryRun
                ? $"{plan.Pass.Name}: {what}{after}: {job.ScriptPath}"
                : $"{plan.Pass.Name}: job {id}: {what}{after}: {job.ScriptPath}");
        }

        Console.WriteLine(dryRun
            ? "dry run: scripts written, nothing submitted."
            : $"submitted; task logs in {SlurmLayout.LogsOf(output)}; follow with: curate status {output}");
    }

    /// <summary>How a node starts this same curate: the executable, or the dotnet host and this assembly.</summary>
    private static string[] CurateExecutable()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the curate executable is unknown.");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Assembly.GetEntryAssembly()!.Location]
            : [process];
    }
}
