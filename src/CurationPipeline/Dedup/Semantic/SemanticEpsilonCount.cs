namespace CurationPipeline.Dedup.Semantic;

/// <summary>What one threshold would remove, evaluated in the same pass as the others.</summary>
/// <param name="Epsilon">The threshold: duplicates have cosine above <c>1 − Epsilon</c>.</param>
/// <param name="Dropped">Documents it would drop.</param>
/// <param name="DroppedFraction">Dropped over all documents.</param>
public readonly record struct SemanticEpsilonCount(double Epsilon, long Dropped, double DroppedFraction);
