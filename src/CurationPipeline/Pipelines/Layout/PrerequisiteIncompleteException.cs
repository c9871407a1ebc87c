namespace CurationPipeline.Pipelines.Layout;

/// <summary>
/// A step run alone (<c>curate run --pass …</c>) found that a task of the pass it reads has no completion marker: it would read
/// partial outputs (signatures, a drop list, embeddings) and mark its own work complete. Nothing was written.
/// </summary>
public sealed class PrerequisiteIncompleteException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="step">The step that refused to start (<c>dedup/0/4</c>, <c>semdedup</c>, …).</param>
    /// <param name="missing">The completion markers that are missing, relative to the output directory.</param>
    public PrerequisiteIncompleteException(string step, IReadOnlyList<string> missing)
        : base($"{step} needs every task it reads to be complete; missing completion markers: {Summary(missing)}. Run those first (same --world-size).")
    {
        Step = step;
        Missing = missing;
    }

    /// <summary>The step that refused to start.</summary>
    public string Step { get; }

    /// <summary>The missing completion markers, relative to the output directory.</summary>
    public IReadOnlyList<string> Missing { get; }

    private static string Summary(IReadOnlyList<string> missing) =>
        missing.Count <= 8 ? string.Join(", ", missing) : $"{string.Join(", ", missing.Take(8))} and {missing.Count - 8} more";
}
