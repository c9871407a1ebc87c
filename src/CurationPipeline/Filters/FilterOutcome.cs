namespace CurationPipeline.Filters;

/// <summary>What one <see cref="ITextFilter"/> did with one document: its verdict, its signals and, for filters that edit text, the new text.</summary>
/// <param name="Verdict">Keep, or drop with a reason.</param>
/// <param name="Signals">The filter's typed signals record (for example <see cref="GopherQualitySignals"/>), to be stored as columns.</param>
/// <param name="RewrittenText">The text the document continues with when the filter edits text (C4 drops lines); <c>null</c> when unchanged.</param>
public readonly record struct FilterOutcome(FilterVerdict Verdict, object Signals, string? RewrittenText);
