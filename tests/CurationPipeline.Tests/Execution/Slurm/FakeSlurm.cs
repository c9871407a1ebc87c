using CurationPipeline.Execution;

namespace CurationPipeline.Tests.Execution.Slurm;

/// <summary>Answers Slurm's client commands like a cluster would, and records them: <c>sbatch</c> hands out job ids from 100.</summary>
internal sealed class FakeSlurm : ICommandRunner
{
    private int _nextJob = 100;

    /// <summary>The cluster's <c>MaxArraySize</c>, or <c>null</c> for a machine without <c>scontrol</c>.</summary>
    public int? MaxArraySize { get; init; } = 1001;

    /// <summary>What <c>squeue</c> prints (<c>id|state|reason</c> lines); <c>null</c> for a machine without it.</summary>
    public string? Queue { get; set; } = "";

    /// <summary>What <c>sacct</c> prints (<c>id|state</c> lines), or <c>null</c> for a cluster without accounting storage.</summary>
    public string? Accounting { get; set; }

    /// <summary>Every command run, as one line each.</summary>
    public List<string> Commands { get; } = [];

    /// <summary>The <c>sbatch</c> calls: the script and its <c>--dependency</c> value (empty for none).</summary>
    public List<(string Script, string Dependency)> Submitted { get; } = [];

    public Task<CommandResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Commands.Add($"{fileName} {string.Join(' ', arguments)}");
        switch (fileName)
        {
            case "scontrol" when MaxArraySize is { } size:
                return Ok($"Configuration data as of 2026-12-03T09:00:00\nMaxArraySize            = {size}\nMaxJobCount             = 10000\n");
            case "sbatch":
                string dependency = arguments.FirstOrDefault(a => a.StartsWith("--dependency=", StringComparison.Ordinal))?["--dependency=".Length..] ?? "";
                Submitted.Add((arguments[^1], dependency));
                return Ok($"{_nextJob++}\n");
            case "squeue" when Queue is not null:
                return Ok(Queue);
            case "sacct" when Accounting is not null:
                return Ok(Accounting);
            case "sacct":
                return Task.FromResult(new CommandResult(1, "", "sacct: error: Slurm accounting storage is disabled\n"));
            default:
                throw new CommandNotFoundException(fileName);
        }
    }

    private static Task<CommandResult> Ok(string output) => Task.FromResult(new CommandResult(0, output, ""));
}
