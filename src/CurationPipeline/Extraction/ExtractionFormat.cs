namespace CurationPipeline.Extraction;

/// <summary>How <see cref="MainContentExtractor"/> lays out the main text in <see cref="ExtractionResult.Text"/>.</summary>
public enum ExtractionFormat
{
    /// <summary>Plain text: blocks on their own lines, paragraphs separated by a blank line, table cells joined by <c>" | "</c>,
    /// code verbatim, math as LaTeX in <c>$...$</c> (inline) and <c>$$...$$</c> (display).</summary>
    Text,

    /// <summary>Markdown: <c>#</c> headings, <c>-</c> and <c>1.</c> lists, fenced code with its language, GitHub pipe tables,
    /// <c>&gt;</c> blockquotes, inline code in backticks, math as in <see cref="Text"/>.</summary>
    Markdown,
}
