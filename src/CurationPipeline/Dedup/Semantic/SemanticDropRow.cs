namespace CurationPipeline.Dedup.Semantic;

/// <summary>One dropped document of semantic dedup.</summary>
/// <param name="DocumentId">The dropped document.</param>
/// <param name="SourcePath">The dropped document's source path (with the id and offset, its identity).</param>
/// <param name="SourceOffset">The dropped document's source offset.</param>
/// <param name="ClusterId">Its k-means cluster.</param>
/// <param name="KeptId">The document it duplicates: its most similar higher-ranked member (under the quality rule, the most similar kept one).</param>
/// <param name="Similarity">Their cosine similarity.</param>
/// <param name="Reason">Always <see cref="SemanticDedupReasons.NearDuplicate"/>.</param>
public readonly record struct SemanticDropRow(string DocumentId, string SourcePath, long SourceOffset, int ClusterId, string KeptId, float Similarity, string Reason);
