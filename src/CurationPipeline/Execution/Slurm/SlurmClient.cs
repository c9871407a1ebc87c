using System.Globalization;
using CurationPipeline.Execution.Slurm.Internal;

namespace CurationPipeline.Execution.Slurm;

/// <summary>The Slurm commands a cluster run uses, over an <see cref="ICommandRunner"/>: <c>scontrol show config</c>, <c>sbatch</c>,
/// <c>squeue</c>, <c>sacct</c>.</summary>
/// <remarks>Every command reads the cluster from the environment (<c>SLURM_CONF</c>, or the system's configuration).</remarks>
public sealed class SlurmClient
{
    /// <summary>Slurm's default <c>MaxArraySize</c>, used when the cluster's configuration does not list it.</summary>
    public const int DefaultMaxArraySize = 1001;

    private readonly ICommandRunner _runner;

    /// <summary>Creates a client.</summary>
    /// <param name="runner">Runs the commands.</param>
    public SlurmClient(ICommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>The cluster's <c>MaxArraySize</c>: array indices run from 0 to one less.</summary>
    /// <exception cref="SlurmCommandException"><c>scontrol</c> failed or printed an unreadable value.</exception>
    /// <exception cref="CommandNotFoundException"><c>scontrol</c> is not installed.</exception>
    public async Task<int> MaxArraySizeAsync(CancellationToken cancellationToken)
    {
        string output = await RunAsync("scontrol", ["show", "config"], cancellationToken).ConfigureAwait(false);
        foreach (string line in output.Split('\n'))
        {
            string[] pair = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0] == "MaxArraySize")
            {
                return int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0
                    ? size
                    : throw new SlurmCommandException("scontrol show config", $"MaxArraySize is '{pair[1]}'; job arrays are needed.");
            }
        }

        return DefaultMaxArraySize;
    }

    /// <summary>Submits a job script.</summary>
    /// <param name="script">The script's path.</param>
    /// <param name="afterOk">Jobs that must all succeed before it starts (<c>--dependency=afterok:…</c>); empty for none.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The job id.</returns>
    /// <exception cref="SlurmCommandException"><c>sbatch</c> refused the job.</exception>
    /// <exception cref="CommandNotFoundException"><c>sbatch</c> is not installed.</exception>
    public async Task<string> SubmitAsync(string script, IReadOnlyList<string> afterOk, CancellationToken cancellationToken)
    {
        List<string> arguments = ["--parsable"];
        if (afterOk.Count > 0)
        {
            arguments.Add("--dependency=afterok:" + string.Join(':', afterOk));
        }

        arguments.Add(script);
        string output = (await RunAsync("sbatch", arguments, cancellationToken).ConfigureAwait(false)).Trim();
        string id = output.Split(';')[0]; // --parsable prints "id" or "id;cluster"
        return id.Length > 0 && id.All(char.IsAsciiDigit) ? id : throw new SlurmCommandException("sbatch " + string.Join(' ', arguments), $"printed '{output}', not a job id.");
    }

    /// <summary>This user's queued and running jobs, one entry per array element.</summary>
    /// <exception cref="SlurmCommandException"><c>squeue</c> failed.</exception>
    /// <exception cref="CommandNotFoundException"><c>squeue</c> is not installed.</exception>
    public async Task<IReadOnlyList<SlurmJobState>> QueueAsync(CancellationToken cancellationToken)
    {
        string output = await RunAsync("squeue", ["--me", "--noheader", "--array", "--format=%i|%T|%r"], cancellationToken).ConfigureAwait(false);
        var states = new List<SlurmJobState>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] fields = line.Split('|');
            if (fields.Length == 3)
            {
                states.AddRange(Parse(fields[0], fields[1], fields[2]));
            }
        }

        return states;
    }

    /// <summary>Accounting's final states of <paramref name="jobIds"/>, or <c>null</c> when the cluster keeps no accounting (then only queued jobs are known).</summary>
    /// <exception cref="CommandNotFoundException"><c>sacct</c> is not installed.</exception>
    public async Task<IReadOnlyList<SlurmJobState>?> AccountingAsync(IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0)
        {
            return [];
        }

        CommandResult result = await _runner.RunAsync("sacct", ["--noheader", "--parsable2", "--format=JobID,State", "--jobs=" + string.Join(',', jobIds)], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return null; // "Slurm accounting storage is disabled", or no database reachable
        }

        var states = new List<SlurmJobState>();
        foreach (string line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] fields = line.Split('|');
            if (fields.Length == 2 && !fields[0].Contains('.', StringComparison.Ordinal)) // job steps (12_3.batch) repeat their job
            {
                states.AddRange(Parse(fields[0], fields[1].Split(' ')[0], ""));
            }
        }

        return states;
    }

    /// <summary>Reads <c>12</c>, <c>12_3</c> and <c>12_[0-3,5]</c> (pending elements squeue did not expand).</summary>
    private static IEnumerable<SlurmJobState> Parse(string id, string state, string reason)
    {
        int underscore = id.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 0)
        {
            return [new SlurmJobState(id, null, state, reason)];
        }

        string job = id[..underscore];
        string indices = id[(underscore + 1)..].Trim('[', ']');
        return ArrayRanges.Parse(indices).Select(i => new SlurmJobState(job, i, state, reason));
    }

    private async Task<string> RunAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        CommandResult result = await _runner.RunAsync(command, arguments, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? result.StandardOutput
            : throw new SlurmCommandException($"{command} {string.Join(' ', arguments)}", $"exit {result.ExitCode}: {result.StandardError}");
    }
}
