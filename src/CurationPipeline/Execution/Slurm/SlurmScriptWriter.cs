using System.Buffers;
using System.Globalization;
using System.Text;
using CurationPipeline.Pipelines;

namespace CurationPipeline.Execution.Slurm;

/// <summary>Writes the text of a job's sbatch script: its <c>#SBATCH</c> options, its log, and the <c>curate run</c> line of its task.</summary>
/// <remarks>
/// An array element computes its rank as the job's rank offset plus <c>SLURM_ARRAY_TASK_ID</c> and runs
/// <c>curate run PIPELINE --output OUT --pass PASS --rank RANK --world-size N</c>; the cluster and semdedup steps run their
/// <c>--pass</c> once; the mix job runs <c>curate run</c> of every pass, which skips every complete task and applies the mix.
/// Every path is single-quoted for bash; the <c>#SBATCH --output</c> path is double-quoted with <c>%</c> doubled. What a task
/// prints is appended to <c>slurm/logs/{pass}-{rank:D5}.log</c>, after a line naming the task, job and node.
/// </remarks>
public sealed class SlurmScriptWriter
{
    private readonly SlurmRunRequest _request;

    /// <summary>Creates a writer for the jobs of <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The request is invalid (see <see cref="SlurmRunRequest.Validate"/>).</exception>
    public SlurmScriptWriter(SlurmRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        _request = request;
    }

    /// <summary>The script of <paramref name="job"/>.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The script text (bash, LF line ends).</returns>
    public string Write(SlurmJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        SlurmPassPlan plan = job.Plan;
        string pass = plan.Pass.Name;
        string logs = SlurmLayout.LogsOf(_request.OutputDirectory);
        var text = new StringBuilder();
        text.Append("#!/bin/bash\n");
        text.Append(CultureInfo.InvariantCulture, $"# curate slurm: pass '{pass}' of pipeline '{_request.Pipeline.Name.ReplaceLineEndings(" ")}'")
            .Append(plan.IsArray
                ? string.Create(CultureInfo.InvariantCulture, $", ranks {job.Ranks[0]}..{job.Ranks[^1]} of {plan.WorldSize} (rank = {job.RankOffset} + array index).\n")
                : ".\n");
        text.Append("# Relaunch with the same `curate slurm` command: it submits only the tasks without a completion marker.\n");
        text.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name=curate-{pass}\n");
        string slurmLog = Path.Combine(logs.Replace("%", "%%", StringComparison.Ordinal), plan.IsArray ? $"{pass}-%A_%a.out" : $"{pass}-%j.out");
        text.Append("#SBATCH --output=\"").Append(slurmLog).Append("\"\n");
        text.Append("#SBATCH --kill-on-invalid-dep=yes\n"); // a job whose dependency failed leaves the queue instead of waiting forever
        if (job.ArraySpec is { } array)
        {
            text.Append("#SBATCH --array=").Append(array).Append('\n');
        }

        foreach (string option in _request.Slurm.SbatchOptions())
        {
            text.Append("#SBATCH ").Append(option).Append('\n');
        }

        text.Append("set -uo pipefail\n");
        if (plan.IsArray)
        {
            text.Append(CultureInfo.InvariantCulture, $"rank=$(({job.RankOffset} + SLURM_ARRAY_TASK_ID))\n");
            text.Append("log=").Append(Quote(logs + "/" + pass + "-")).Append("$(printf '%05d' \"$rank\").log\n");
        }
        else
        {
            text.Append("log=").Append(Quote(Path.Combine(logs, SlurmLayout.LogName(plan.Task(0), isArray: false)))).Append('\n');
        }

        text.Append("exec >>\"$log\" 2>&1\n");
        string task = plan.IsArray ? string.Create(CultureInfo.InvariantCulture, $"{pass}/$rank/{plan.WorldSize}") : pass;
        text.Append(CultureInfo.InvariantCulture, $"echo \"== curate slurm: task {task}, job ${{SLURM_JOB_ID}}, node $(hostname), $(date -u +%Y-%m-%dT%H:%M:%SZ)\"\n");
        text.Append(string.Join(' ', Command(plan).Select(a => a == RankVariable ? "\"$rank\"" : Quote(a)))).Append('\n');
        return text.ToString();
    }

    /// <summary>Quotes <paramref name="value"/> for bash when it needs it: single quotes, a single quote written <c>'\''</c>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && !value.AsSpan().ContainsAnyExcept(s_plain)
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Characters bash takes literally outside quotes.</summary>
    private static readonly SearchValues<char> s_plain = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=@+,");

    /// <summary>Stands for the rank in <see cref="Command"/>; written as <c>"$rank"</c>.</summary>
    private const string RankVariable = "\0rank";

    private IEnumerable<string> Command(SlurmPassPlan plan)
    {
        string worldSize = plan.CommandWorldSize.ToString(CultureInfo.InvariantCulture);
        List<string> command = [.. _request.CurateCommand, "run", _request.PipelinePath, "--output", _request.OutputDirectory];
        if (plan.Pass.Name != PassRegistry.Mix)
        {
            command.AddRange(["--pass", plan.Pass.Name]);
        }

        if (plan.IsArray)
        {
            command.AddRange(["--rank", RankVariable]);
        }

        command.AddRange(["--world-size", worldSize]);
        if (_request.Slurm.CpusPerTask is { } cpus)
        {
            command.AddRange(["--workers", cpus.ToString(CultureInfo.InvariantCulture)]);
        }

        if (_request.InputOverrides.Count > 0)
        {
            command.Add("--input");
            command.AddRange(_request.InputOverrides);
        }

        return command;
    }
}
