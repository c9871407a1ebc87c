namespace CurationPipeline.Extraction;

/// <summary>The outcome of <see cref="MainContentExtractor.Extract(string, string?)"/> for one page.</summary>
/// <remarks>When <see cref="Succeeded"/> is <c>false</c>, <see cref="Text"/> is empty and <see cref="Reason"/> holds an <see cref="ExtractionReasons"/> code.</remarks>
public sealed record ExtractionResult
{
    /// <summary><c>true</c> when main text was found.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>An <see cref="ExtractionReasons"/> code when <see cref="Succeeded"/> is <c>false</c>; otherwise <c>null</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>The page title (og:title, then &lt;title&gt;, then the first &lt;h1&gt;); empty when none was found.</summary>
    public string Title { get; init; } = "";

    /// <summary>The main text in <see cref="ExtractionOptions.Format"/>: blocks separated by newlines, paragraphs by a blank line,
    /// list items and table rows one per line, code verbatim, math as LaTeX in <c>$...$</c> / <c>$$...$$</c>.</summary>
    public string Text { get; init; } = "";

    /// <summary>The language the page declares (&lt;html lang&gt;, content-language, og:locale), lower-cased like <c>en</c> or <c>pt-br</c>; <c>null</c> when none.</summary>
    public string? Language { get; init; }

    /// <summary>How sure the extractor is that <see cref="Text"/> is the whole main content, in [0, 1]: the share of the page's
    /// paragraph-like text (blocks that are not link lists) that the main text covers, scaled down for main text under 200 chars.
    /// Low values mean content was probably missed, the page has little text, or it has no dominant body and the whole body (less
    /// blocks named as chrome) was kept with the selection's confidence; 0 when extraction failed.</summary>
    public double Confidence { get; init; }

    /// <summary>Free text for a human about a failure (limit values, exception message); never parsed.</summary>
    public string? Detail { get; init; }

    internal static ExtractionResult Failed(string reason, string? detail) =>
        new() { Succeeded = false, Reason = reason, Detail = detail };
}
