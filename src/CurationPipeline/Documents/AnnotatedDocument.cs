namespace CurationPipeline.Documents;

/// <summary>A document after extraction: the text every later stage reads, plus what the stages computed about it.</summary>
/// <remarks>One row of the annotated shards. Later stages add typed signal records as new members.</remarks>
public sealed record AnnotatedDocument
{
    /// <summary>Stable identifier carried from the <see cref="RawDocument"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The page URL, when known.</summary>
    public string? Url { get; init; }

    /// <summary>The extracted main text (or the input text for text inputs).</summary>
    public required string Text { get; init; }

    /// <summary>The page title, when the page has one.</summary>
    public string? Title { get; init; }

    /// <summary>The language the page declares (<c>&lt;html lang&gt;</c> or meta), not a detected one.</summary>
    public string? DeclaredLanguage { get; init; }

    /// <summary>Capture date, when known.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The character set the page was decoded with, when it was bytes.</summary>
    public string? Charset { get; init; }

    /// <summary>The input file the document came from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Byte offset (or record index) of the document in <see cref="SourcePath"/>.</summary>
    public long SourceOffset { get; init; }

    /// <summary>What the filters measured (every configured filter, also after one dropped the document).</summary>
    public SignalSet Signals { get; init; } = SignalSet.Empty;

    /// <summary>The first filter reason that dropped the document, or <c>null</c> when every filter kept it.</summary>
    public string? FilterReason { get; init; }
}
