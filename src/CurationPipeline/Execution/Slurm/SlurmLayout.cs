using System.Globalization;
using CurationPipeline.Pipelines;

namespace CurationPipeline.Execution.Slurm;

/// <summary>Where <c>curate slurm</c> keeps its files inside the run's output directory (which must be on a file system every node mounts).</summary>
/// <remarks>
/// <c>slurm/{pass}.sbatch</c> are the job scripts of the latest submission (<c>slurm/{pass}-{part:D3}.sbatch</c> when an array is
/// split), <c>slurm/submissions.json</c> lists every submission's job ids, <c>slurm/logs/{pass}-{rank:D5}.log</c> holds what each
/// task printed (appended on every attempt; <c>{pass}.log</c> for the single jobs) and <c>slurm/logs/*.out</c> what Slurm itself printed.
/// </remarks>
public static class SlurmLayout
{
    /// <summary>The folder under the output directory.</summary>
    public const string Folder = "slurm";

    /// <summary>The task logs' folder inside <see cref="Folder"/>.</summary>
    public const string Logs = "logs";

    /// <summary>The submission record inside <see cref="Folder"/>.</summary>
    public const string Submissions = "submissions.json";

    /// <summary>The folder of a run's Slurm files.</summary>
    public static string FolderOf(string outputDirectory) => Path.Combine(outputDirectory, Folder);

    /// <summary>The task logs' folder of a run.</summary>
    public static string LogsOf(string outputDirectory) => Path.Combine(outputDirectory, Folder, Logs);

    /// <summary>The log file name of a task: <c>{pass}-{rank:D5}.log</c> for a pass of several tasks, <c>{pass}.log</c> for a single job.</summary>
    /// <param name="task">The task.</param>
    /// <param name="isArray">Whether its pass runs as an array (one task per rank).</param>
    public static string LogName(PipelineTask task, bool isArray)
    {
        ArgumentNullException.ThrowIfNull(task);
        return (isArray ? task.Stem : task.Pass) + ".log";
    }

    /// <summary>The job script name of a pass, or of part <paramref name="part"/> of a split array.</summary>
    internal static string ScriptName(string pass, int? part) =>
        part is { } p ? string.Create(CultureInfo.InvariantCulture, $"{pass}-{p:D3}.sbatch") : pass + ".sbatch";
}
