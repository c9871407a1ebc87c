namespace CurationPipeline.Pipelines;

/// <summary>One pass of a pipeline, as listed in <see cref="PassRegistry"/>.</summary>
/// <param name="Name">The pass name (<c>--pass</c>, stats stage, task and marker names).</param>
/// <param name="IsStepAfterTag">Whether it runs on the tag pass's outputs (signatures, embeddings, shards) once every tag task is done.</param>
/// <param name="NeedsRank">Whether, run alone, it is one task of several and needs <c>--rank</c>.</param>
/// <param name="IsSemantic">Whether it belongs to semantic dedup (<c>semantic.enabled</c>).</param>
public sealed record PassInfo(string Name, bool IsStepAfterTag, bool NeedsRank, bool IsSemantic);
