using CurationPipeline.Storage;

namespace CurationPipeline.Pipelines.Layout;

/// <summary>A run was refused because another run (or the same cluster task) is writing its output directory; nothing was written.</summary>
public sealed class OutputLockedException : IOException
{
    /// <summary>Creates the exception from the storage's refusal.</summary>
    /// <param name="outputDirectory">The directory refused.</param>
    /// <param name="task">The cluster task that asked, or <c>null</c> for a whole-directory run.</param>
    /// <param name="refusal">The storage's refusal, naming the holders.</param>
    public OutputLockedException(string outputDirectory, PipelineTask? task, StorageLockedException refusal)
        : base(Format(outputDirectory, task, refusal), refusal)
    {
        OutputDirectory = outputDirectory;
        Holders = refusal.Holders;
    }

    /// <summary>The directory refused.</summary>
    public string OutputDirectory { get; }

    /// <summary>Who holds it: what runs, the command line, process id, host and start time (empty when the storage cannot tell).</summary>
    public IReadOnlyList<string> Holders { get; }

    private static string Format(string outputDirectory, PipelineTask? task, StorageLockedException refusal)
    {
        string holders = refusal.Holders.Count == 0 ? "another process" : string.Join("; ", refusal.Holders);
        string what = task is not null && refusal.Mode == StorageLockMode.Exclusive
            ? $"Task {task} is already running in {outputDirectory}: {holders}."
            : $"Output directory {outputDirectory} is in use by {holders}.";
        return what + " One run writes an output directory at a time (the --rank tasks of one cluster run share it); "
            + "wait for it to finish or choose another output directory. A lock whose process died is taken over automatically.";
    }
}
