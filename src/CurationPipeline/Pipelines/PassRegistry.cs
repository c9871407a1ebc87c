namespace CurationPipeline.Pipelines;

/// <summary>
/// The passes of a pipeline by name, the one list <c>curate run --pass</c>, the stats' stage names, the task names and the
/// completion markers read: a task is (pipeline, pass, rank, world size).
/// </summary>
public static class PassRegistry
{
    /// <summary>The tag pass: one task per input share (read, extract, classify, filter, tokenize, sign, write).</summary>
    public const string Tag = "tag";

    /// <summary>MinHash dedup's candidate step, one task per rank over the signatures of every tag task.</summary>
    public const string Dedup = "dedup";

    /// <summary>MinHash dedup's final step: clusters every candidate task's pairs into the drop list.</summary>
    public const string Cluster = "cluster";

    /// <summary>Embeds the survivors of one tag task (semantic dedup).</summary>
    public const string Embed = "embed";

    /// <summary>SemDeDup over every embedding.</summary>
    public const string SemDedup = "semdedup";

    /// <summary>Applies the pipeline's mix to the tagged and deduplicated shards.</summary>
    public const string Mix = "mix";

    /// <summary>Every pass, in run order.</summary>
    public static IReadOnlyList<PassInfo> All { get; } =
    [
        new(Tag, IsStepAfterTag: false, NeedsRank: false, IsSemantic: false),
        new(Dedup, IsStepAfterTag: true, NeedsRank: true, IsSemantic: false),
        new(Cluster, IsStepAfterTag: true, NeedsRank: false, IsSemantic: false),
        new(Embed, IsStepAfterTag: true, NeedsRank: true, IsSemantic: true),
        new(SemDedup, IsStepAfterTag: true, NeedsRank: false, IsSemantic: true),
        new(Mix, IsStepAfterTag: true, NeedsRank: false, IsSemantic: false),
    ];

    /// <summary>The passes <c>curate run --pass</c> runs one at a time (the mix runs with <c>all</c> or as <c>curate mix</c>).</summary>
    public static IReadOnlyList<PassInfo> RunnableAlone { get; } = [.. All.Where(p => p.Name != Mix)];

    /// <summary>The pass named <paramref name="name"/>.</summary>
    /// <param name="name">A pass name such as <see cref="Tag"/>.</param>
    /// <returns>The pass.</returns>
    /// <exception cref="KeyNotFoundException">No pass has that name.</exception>
    public static PassInfo Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No pass is named '{name}' (known: {string.Join(", ", All.Select(p => p.Name))}).");
}
