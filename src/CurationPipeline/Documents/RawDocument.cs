namespace CurationPipeline.Documents;

/// <summary>A document as an input source produced it, before extraction.</summary>
/// <remarks>Immutable apart from <see cref="Content"/>, which its consumer disposes; stages derive new values with <c>with</c>.</remarks>
public sealed record RawDocument
{
    /// <summary>Stable identifier: the WARC-Record-ID for WARC input, the <c>id</c> field for JSON Lines / Parquet.</summary>
    public required string Id { get; init; }

    /// <summary>The page URL, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Capture date, when known.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Whether <see cref="Content"/> is HTML or plain text.</summary>
    public required ContentKind Kind { get; init; }

    /// <summary>The decoded content: HTML markup or plain text. Decoded WARC bodies are pooled: the consuming stage disposes them
    /// (see <see cref="RawContent"/>).</summary>
    public required RawContent Content { get; init; }

    /// <summary>The character set the bytes were decoded with (<c>null</c> for inputs that were text already).</summary>
    public string? Charset { get; init; }

    /// <summary>The input file this document came from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Byte offset of the record in <see cref="SourcePath"/> (record index for line- or row-based inputs).</summary>
    public long SourceOffset { get; init; }
}
