namespace CurationPipeline.Filters;

/// <summary>A filter's decision: keep the document, or drop it for a stable reason from <see cref="FilterReasons"/>.</summary>
/// <param name="Keep">Whether the document stays in the pipeline.</param>
/// <param name="Reason">The reason code when <paramref name="Keep"/> is <c>false</c>; otherwise <c>null</c>.</param>
/// <param name="Detail">What exactly matched, for the rejects' <c>detail</c> column (e.g. the benchmark and n-gram a decontamination drop found); usually <c>null</c>.</param>
public readonly record struct FilterVerdict(bool Keep, string? Reason, string? Detail = null)
{
    /// <summary>The verdict that keeps a document.</summary>
    public static FilterVerdict Kept => new(true, null);

    /// <summary>A verdict that drops a document.</summary>
    /// <param name="reason">A reason code from <see cref="FilterReasons"/>.</param>
    /// <param name="detail">What matched, for the rejects; <c>null</c> for none.</param>
    /// <returns>The drop verdict.</returns>
    public static FilterVerdict Drop(string reason, string? detail = null) => new(false, reason, detail);
}
