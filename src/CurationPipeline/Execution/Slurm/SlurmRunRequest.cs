using CurationPipeline.Pipelines.Configuration;

namespace CurationPipeline.Execution.Slurm;

/// <summary>What <c>curate slurm</c> submits: a pipeline file, its output directory and the job settings.</summary>
/// <remarks>
/// Every path is absolute: the jobs run on other nodes, in another working directory, so the output directory (and the
/// inputs) must be on a file system every node mounts at the same path. The jobs run <see cref="CurateCommand"/>, normally the
/// absolute path of the <c>curate</c> executable that submitted them.
/// </remarks>
public sealed record SlurmRunRequest
{
    /// <summary>The pipeline file (absolute).</summary>
    public required string PipelinePath { get; init; }

    /// <summary>The run's output directory (absolute, on a shared file system).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The command that starts <c>curate</c> on a node: the executable, or <c>dotnet</c> and the assembly (absolute paths).</summary>
    public required IReadOnlyList<string> CurateCommand { get; init; }

    /// <summary>Inputs that replace the pipeline's <c>input.paths</c> (absolute), or empty.</summary>
    public IReadOnlyList<string> InputOverrides { get; init; } = [];

    /// <summary>The pipeline, loaded from <see cref="PipelinePath"/>: which passes it runs.</summary>
    public required PipelineOptions Pipeline { get; init; }

    /// <summary>The task count and the jobs' resources.</summary>
    public required SlurmOptions Slurm { get; init; }

    /// <summary>Checks the request.</summary>
    /// <exception cref="ArgumentException">A path is relative, the command is empty, or the output directory holds a double quote or a line break (an <c>#SBATCH</c> line cannot carry them).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A job setting is out of range.</exception>
    public void Validate()
    {
        Slurm.Validate();
        if (CurateCommand.Count == 0)
        {
            throw new ArgumentException("The curate command is empty.", nameof(CurateCommand));
        }

        if (Storage.RoutingStorage.IsRemote(OutputDirectory))
        {
            throw new ArgumentException($"The output directory '{OutputDirectory}' is on blob storage, but Slurm's job scripts and task logs live in the output directory on a "
                + "file system every node mounts; use a shared folder, or start `curate run --rank I --world-size N` on each node (blob outputs take one lease per task).", nameof(OutputDirectory));
        }

        foreach ((string name, string path) in CurateCommand.Select(c => (nameof(CurateCommand), c))
            .Concat(InputOverrides.Select(i => (nameof(InputOverrides), i)))
            .Append((nameof(PipelinePath), PipelinePath))
            .Append((nameof(OutputDirectory), OutputDirectory)))
        {
            if (!Path.IsPathFullyQualified(path) && !Storage.RoutingStorage.IsRemote(path))
            {
                throw new ArgumentException($"'{path}' is not an absolute path; the jobs run elsewhere.", name);
            }
        }

        if (OutputDirectory.AsSpan().IndexOfAny("\"\r\n") >= 0)
        {
            throw new ArgumentException($"The output directory '{OutputDirectory}' holds a double quote or a line break, which a #SBATCH line cannot carry.", nameof(OutputDirectory));
        }
    }
}
