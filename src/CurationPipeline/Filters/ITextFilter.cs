namespace CurationPipeline.Filters;

/// <summary>A heuristic document filter the pipeline runs generically, in a configured order.</summary>
/// <remarks>
/// Implementations are immutable after construction and thread-safe: one instance serves every worker. They never throw on
/// bad text (empty, huge, binary, invalid UTF-16); such input gets a defined verdict. Each concrete filter also exposes
/// <c>ComputeSignals</c> and <c>Decide</c> separately, so stored signals can be re-decided under new thresholds.
/// </remarks>
public interface ITextFilter
{
    /// <summary>The filter's name, which is also the prefix of its reason codes (<c>gopher_quality</c>, <c>c4</c>, …).</summary>
    string Name { get; }

    /// <summary>Computes the signals of one document and decides on them.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="url">The document URL, when known (only URL filters read it).</param>
    /// <returns>The verdict, the signals and any rewritten text.</returns>
    FilterOutcome Evaluate(string text, string? url);
}
