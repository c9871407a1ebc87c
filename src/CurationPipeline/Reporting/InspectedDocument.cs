using CurationPipeline.Documents;

namespace CurationPipeline.Reporting;

/// <summary>An annotated document with what later passes decided about it.</summary>
/// <param name="Document">The annotated row: text and every signal.</param>
/// <param name="DropReason">The drop list's reason for it, or <c>null</c> when dedup kept it.</param>
/// <param name="Domain">Its domain in the mix, or <c>null</c> when the mix left it out (or there is no mix).</param>
public sealed record InspectedDocument(AnnotatedDocument Document, string? DropReason, string? Domain);
