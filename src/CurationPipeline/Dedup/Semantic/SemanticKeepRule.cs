namespace CurationPipeline.Dedup.Semantic;

/// <summary>Which member of a near-duplicate group survives.</summary>
public enum SemanticKeepRule
{
    /// <summary>
    /// SemDeDup's default: members are ranked farthest-from-centroid first and a member is dropped when any earlier member
    /// (kept or not) is within the threshold, so each group keeps its hardest example.
    /// </summary>
    Hard,

    /// <summary>
    /// Llama 3's rule: members are ranked by quality score (highest first) and each is kept only while its similarity to every
    /// already kept member stays at or below the threshold.
    /// </summary>
    Quality,
}
