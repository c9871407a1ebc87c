namespace CurationPipeline.Pipelines;

/// <summary>One task of a pass: the unit a local run, a Slurm array element or a Kubernetes index executes.</summary>
/// <param name="Pass">The pass name (<c>tag</c>, later <c>dedup</c>, <c>mix</c>).</param>
/// <param name="Rank">This task's index, 0 ≤ rank &lt; world size.</param>
/// <param name="WorldSize">How many tasks the pass is split into.</param>
public sealed record PipelineTask(string Pass, int Rank, int WorldSize)
{
    /// <summary>Whether input number <paramref name="index"/> (in sorted input order) belongs to this task.</summary>
    public bool Owns(int index) => index % WorldSize == Rank;

    /// <summary>The file-name stem of this task's outputs: <c>{pass}-{rank:D5}</c>.</summary>
    public string Stem => $"{Pass}-{Rank:D5}";

    /// <summary>Checks the rank and world size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rank is outside [0, world size) or the world size is below 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WorldSize, 1, nameof(WorldSize));
        ArgumentOutOfRangeException.ThrowIfNegative(Rank, nameof(Rank));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Rank, WorldSize, nameof(Rank));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Pass}/{Rank}/{WorldSize}";
}
