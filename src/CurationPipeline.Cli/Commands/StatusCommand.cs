using System.CommandLine;
using CurationPipeline.Execution;
using CurationPipeline.Execution.Slurm;
using CurationPipeline.Storage;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate status OUT</c>: per pass, tasks done, running, queued, failed and not started; what the tag pass wrote so far; failed tasks' last log lines.</summary>
internal static class StatusCommand
{
    private static readonly Argument<string> s_output = new("output") { Description = "The run's output directory (a local folder or az://…)." };

    private static readonly Option<bool> s_verbose = new("--verbose", "-v") { Description = "Print the stack trace of a failure." };

    public static Command Create()
    {
        var command = new Command("status", "Show where a run stands: per pass, tasks done / running / queued / failed / not started "
            + "(completion markers, progress files, Slurm's queue), documents and tokens so far, failed tasks' last log lines. "
            + "Exit 0, or 3 when a task failed.")
        {
            s_output, s_verbose,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string output = RoutingStorage.FullPath(parse.GetValue(s_output)!);
        RunStatus status;
        try
        {
            var reader = new RunStatusReader(new RoutingStorage(), new SlurmClient(new ProcessCommandRunner(SlurmCommand.CommandTimeout)));
            status = await reader.ReadAsync(output, cancellationToken);
        }
        catch (DirectoryNotFoundException e)
        {
            return CommandErrors.Configuration(e, parse.GetValue(s_verbose));
        }
        catch (Exception e)
        {
            return CommandErrors.Failed(e, "status", parse.GetValue(s_verbose));
        }

        Print(status);
        return status.HasFailures ? ExitCodes.TasksFailed : ExitCodes.Success;
    }

    private static void Print(RunStatus status)
    {
        Console.WriteLine($"run {status.OutputDirectory}: {(status.IsComplete ? "complete" : status.HasFailures ? "has failed tasks" : "not complete")}");
        if (status.Passes.Count == 0)
        {
            Console.WriteLine("  no tasks found (no completion marker, progress file or Slurm submission)");
        }

        foreach (PassStatus pass in status.Passes)
        {
            IEnumerable<string> counts = Enum.GetValues<RunTaskState>().Where(s => pass.Count(s) > 0).Select(s => $"{pass.Count(s)} {Label(s)}");
            Console.WriteLine($"  {pass.Pass,-9} {pass.WorldSize,5} task(s): {string.Join(", ", counts)}");
        }

        Console.WriteLine($"  tag output so far: {status.Documents:N0} documents, {status.Tokens:N0} tokens");
        if (status.MixTrainTokens is { } mix)
        {
            Console.WriteLine($"  mix: {mix:N0} training tokens");
        }

        foreach (RunTaskStatus task in status.Passes.SelectMany(p => p.Tasks).Where(t => t.State is RunTaskState.Running or RunTaskState.Failed))
        {
            Console.WriteLine();
            Console.WriteLine($"{task.Task}: {Label(task.State)}{(task.Detail.Length > 0 ? $" ({task.Detail})" : "")}");
            foreach (string line in task.LogTail)
            {
                Console.WriteLine($"  | {line}");
            }
        }

        foreach (string note in status.Notes)
        {
            Console.WriteLine($"note: {note}");
        }
    }

    private static string Label(RunTaskState state) => state switch
    {
        RunTaskState.NotStarted => "not started",
        RunTaskState.Unfinished => "unfinished (running or interrupted)",
        _ => state.ToString().ToLowerInvariant(),
    };
}
