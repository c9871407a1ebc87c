namespace CurationPipeline.Dedup.Semantic;

/// <summary>Stable reason codes of semantic dedup.</summary>
public static class SemanticDedupReasons
{
    /// <summary>The document's embedding is within <c>1 − eps</c> cosine of a kept (or, under the hard rule, higher-ranked) document in its cluster.</summary>
    public const string NearDuplicate = "semdedup.near_duplicate";
}
