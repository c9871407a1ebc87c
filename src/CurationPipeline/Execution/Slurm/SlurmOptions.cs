namespace CurationPipeline.Execution.Slurm;

/// <summary>How <c>curate slurm</c> splits a run and what each job asks Slurm for.</summary>
/// <remarks>
/// Defaults: nothing but <see cref="Tasks"/> is set, so every job takes the cluster's defaults (partition, one CPU, memory,
/// time limit, QOS, account). When <see cref="CpusPerTask"/> is set, each task runs that many worker threads.
/// </remarks>
public sealed record SlurmOptions
{
    /// <summary>The number of tasks (the world size) of the tag pass, the embed pass and, up to the MinHash band count, the dedup candidate step.</summary>
    public required int Tasks { get; init; }

    /// <summary><c>--partition</c>, or <c>null</c> for the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary><c>--cpus-per-task</c> (and the task's <c>--workers</c>), or <c>null</c> for the cluster's default.</summary>
    public int? CpusPerTask { get; init; }

    /// <summary><c>--mem</c>, as Slurm writes it (<c>4G</c>, <c>16000M</c>), or <c>null</c>.</summary>
    public string? Memory { get; init; }

    /// <summary><c>--time</c>, as Slurm writes it (<c>2:00:00</c>, <c>1-00:00:00</c>), or <c>null</c>.</summary>
    public string? TimeLimit { get; init; }

    /// <summary><c>--qos</c>, or <c>null</c>.</summary>
    public string? Qos { get; init; }

    /// <summary><c>--account</c>, or <c>null</c>.</summary>
    public string? Account { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1; the parameter name is the property.</exception>
    /// <exception cref="ArgumentException">A text value is empty or holds a line break or a quote (it goes into a job script's <c>#SBATCH</c> line).</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Tasks, 1, nameof(Tasks));
        if (CpusPerTask is { } cpus)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(cpus, 1, nameof(CpusPerTask));
        }

        foreach ((string name, string? value) in (ReadOnlySpan<(string, string?)>)[(nameof(Partition), Partition), (nameof(Memory), Memory), (nameof(TimeLimit), TimeLimit), (nameof(Qos), Qos), (nameof(Account), Account)])
        {
            if (value is not null && (value.Length == 0 || value.AsSpan().IndexOfAny("\r\n\"'") >= 0 || value.Trim() != value))
            {
                throw new ArgumentException($"{name} '{value}' is empty or holds a quote, a line break or surrounding spaces.", name);
            }
        }
    }

    /// <summary>The <c>#SBATCH</c> options these settings add to every job, in a fixed order.</summary>
    internal IEnumerable<string> SbatchOptions()
    {
        if (Partition is not null)
        {
            yield return $"--partition={Partition}";
        }

        if (Account is not null)
        {
            yield return $"--account={Account}";
        }

        if (Qos is not null)
        {
            yield return $"--qos={Qos}";
        }

        if (CpusPerTask is { } cpus)
        {
            yield return $"--cpus-per-task={cpus}";
        }

        if (Memory is not null)
        {
            yield return $"--mem={Memory}";
        }

        if (TimeLimit is not null)
        {
            yield return $"--time={TimeLimit}";
        }
    }
}
