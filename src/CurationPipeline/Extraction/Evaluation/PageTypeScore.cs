namespace CurationPipeline.Extraction.Evaluation;

/// <summary>Unweighted means of per-page precision, recall and F1 over one page type (or all pages).</summary>
/// <param name="PageType">The page type, or <c>all</c>.</param>
/// <param name="Pages">Pages scored.</param>
/// <param name="Precision">Mean per-page precision.</param>
/// <param name="Recall">Mean per-page recall.</param>
/// <param name="F1">Mean per-page F1 (not the harmonic mean of the two means).</param>
public sealed record PageTypeScore(string PageType, int Pages, double Precision, double Recall, double F1);
