using CurationPipeline.Configuration;
using CurationPipeline.Mixing;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Layout;

namespace CurationPipeline.Cli;

/// <summary>
/// The one place that turns an exception that ended a command into its exit code and a single stderr line: configuration errors
/// exit 1 (the message names file, line and key), infrastructure failures exit 2 (the message names the stage and the path),
/// Ctrl+C exits 130. The stack trace is printed only with <c>-v</c>.
/// </summary>
internal static class CommandErrors
{
    /// <summary>Whether <paramref name="e"/>, thrown while loading a command's configuration (before any work), is a configuration error.</summary>
    /// <remarks>A file the configuration names that does not exist or cannot be parsed (a model, a block list) is a configuration error too.</remarks>
    public static bool IsConfiguration(Exception e) =>
        e is PipelineConfigException or MixConfigException or ArgumentException or FileNotFoundException or DirectoryNotFoundException
            or InvalidDataException or UnauthorizedAccessException;

    /// <summary>Prints a configuration error found before any work and returns <see cref="ExitCodes.InvalidConfiguration"/>.</summary>
    public static int Configuration(Exception e, bool verbose)
    {
        Print(e.Message, e, verbose);
        return ExitCodes.InvalidConfiguration;
    }

    /// <summary>Maps an exception that ended the work of <paramref name="stage"/> to its exit code, printing one line.</summary>
    /// <param name="e">The exception.</param>
    /// <param name="stage">The pass that was running (<c>tag</c>, <c>dedup</c>, <c>mix</c>, …), named when the exception names no stage itself.</param>
    /// <param name="verbose">Print the whole exception too.</param>
    /// <returns>1 for a configuration error found late (a mix that does not fit the data), 130 for cancellation, otherwise 2.</returns>
    public static int Failed(Exception e, string stage, bool verbose)
    {
        if (e is AggregateException aggregate)
        {
            e = aggregate.Flatten().InnerExceptions[0];
        }

        switch (e)
        {
            case PipelineConfigException or MixConfigException or WorldSizeMismatchException or ConfigurationChangedException or PrerequisiteIncompleteException:
                Print(e.Message, e, verbose);
                return ExitCodes.InvalidConfiguration;
            case OperationCanceledException or PipelineStageException { InnerException: OperationCanceledException }:
                Print("cancelled; only complete outputs remain, and the unfinished step runs again next time.", e, verbose);
                return ExitCodes.Cancelled;
            case OutputLockedException locked:
                Print(locked.Message, e, verbose); // names the run that holds the directory
                return ExitCodes.RunFailed;
            case PipelineStageException stageFailure:
                Print($"stage '{stageFailure.Stage}' failed: {FirstLine(stageFailure.InnerException?.Message ?? e.Message)}", e, verbose);
                return ExitCodes.RunFailed;
            case IOException or UnauthorizedAccessException or InvalidDataException:
                Print($"stage '{stage}' failed: {FirstLine(e.Message)}", e, verbose);
                return ExitCodes.RunFailed;
            default:
                Print($"stage '{stage}' failed: {e.GetType().Name}: {FirstLine(e.Message)}{(verbose ? "" : " (-v prints the stack trace)")}", e, verbose);
                return ExitCodes.RunFailed;
        }
    }

    private static void Print(string message, Exception e, bool verbose)
    {
        Console.Error.WriteLine($"curate: {message}");
        if (verbose)
        {
            Console.Error.WriteLine(e.ToString());
        }
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return newline < 0 ? message : message[..newline].TrimEnd();
    }
}
