namespace CurationPipeline.Extraction.Evaluation;

/// <summary>The WCXB word-level metric for one page.</summary>
/// <param name="Id">The page id (<c>NNNN</c>, the HTML file stem).</param>
/// <param name="PageType">The page type from <c>metadata.json</c> (<c>article</c>, <c>forum</c>, …).</param>
/// <param name="Precision">Share of predicted words found in the reference (0 when nothing was predicted).</param>
/// <param name="Recall">Share of reference words found in the prediction.</param>
/// <param name="F1">Harmonic mean of this page's precision and recall.</param>
/// <param name="Confidence">The extractor's <see cref="ExtractionResult.Confidence"/> for the page; 0 when scoring precomputed predictions.</param>
/// <param name="Reason">The <see cref="ExtractionReasons"/> code when the extractor failed on the page; otherwise <c>null</c>.</param>
public sealed record WcxbItemScore(string Id, string PageType, double Precision, double Recall, double F1, double Confidence, string? Reason);
