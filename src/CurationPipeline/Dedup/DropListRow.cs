namespace CurationPipeline.Dedup;

/// <summary>One document to drop: it belongs to a duplicate cluster whose kept document is another one.</summary>
/// <param name="DocumentId">The dropped document.</param>
/// <param name="ClusterId">XxHash3 of the kept document's UTF-8 id: stable across runs, ranks and input orders.</param>
/// <param name="KeptId">The document kept for the cluster (highest priority, then smallest id ordinal).</param>
/// <param name="Reason"><see cref="DedupReasons.Exact"/> when the normalized text equals the kept one's, else <see cref="DedupReasons.MinHash"/>.</param>
public readonly record struct DropListRow(string DocumentId, ulong ClusterId, string KeptId, string Reason);
