using System.Collections.Immutable;

namespace CurationPipeline.Dedup.Semantic;

/// <summary>The outcome of <see cref="SemanticDeduplicator.Run"/>: the drop list at the chosen threshold and the run's statistics.</summary>
/// <param name="Dropped">Dropped documents at <see cref="SemanticDedupOptions.Epsilon"/>, ordered by document id (ordinal).</param>
/// <param name="Stats">Counts, including the drop count for every evaluated threshold.</param>
public sealed record SemanticDedupResult(ImmutableArray<SemanticDropRow> Dropped, SemanticDedupStats Stats);
