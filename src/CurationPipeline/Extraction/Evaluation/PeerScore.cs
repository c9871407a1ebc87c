namespace CurationPipeline.Extraction.Evaluation;

/// <summary>A published score of another extractor on the Scrapinghub benchmark.</summary>
/// <param name="System">Tool and version.</param>
/// <param name="F1">F1 of mean precision and mean recall.</param>
/// <param name="Precision">Mean precision.</param>
/// <param name="Recall">Mean recall.</param>
/// <param name="Accuracy">Exact-match share.</param>
public sealed record PeerScore(string System, double F1, double Precision, double Recall, double Accuracy);
