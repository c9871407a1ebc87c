namespace CurationPipeline.Reporting;

/// <summary>The kept documents and tokens of one language or host of a tagged directory, before and after dedup (drop list and paragraph dedup).</summary>
/// <param name="Key">The language code (<c>?</c> without language ID) or the host (<c>(no url)</c> without a URL).</param>
/// <param name="Documents">Kept documents (they passed every filter; <c>tokenized/</c> holds them).</param>
/// <param name="Tokens">Their tokens, end-of-document tokens included.</param>
/// <param name="DocumentsAfterDedup">Those of them the drop list does not drop and paragraph dedup does not empty.</param>
/// <param name="TokensAfterDedup">Their tokens (a rewritten document's after paragraph dedup).</param>
public sealed record TokenCount(string Key, long Documents, long Tokens, long DocumentsAfterDedup, long TokensAfterDedup);
