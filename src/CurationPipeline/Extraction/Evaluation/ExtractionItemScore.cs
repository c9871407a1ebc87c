namespace CurationPipeline.Extraction.Evaluation;

/// <summary>The metric for one benchmark item.</summary>
/// <param name="Id">The item id (the HTML file stem).</param>
/// <param name="Precision">Shingle precision; <c>null</c> when nothing was predicted (the item is left out of the mean).</param>
/// <param name="Recall">Shingle recall; <c>null</c> when the ground truth has no shingles.</param>
/// <param name="ExactMatch"><c>true</c> when the token sequences are identical.</param>
/// <param name="Reason">The <see cref="ExtractionReasons"/> code when the extractor failed on the page; otherwise <c>null</c>.</param>
public sealed record ExtractionItemScore(string Id, double? Precision, double? Recall, bool ExactMatch, string? Reason);
