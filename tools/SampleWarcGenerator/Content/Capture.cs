using SampleWarcGenerator.Http;

namespace SampleWarcGenerator.Content;

/// <summary>One HTTP capture to be written as a response record.</summary>
internal sealed record Capture
{
    /// <summary>The WARC-Target-URI.</summary>
    public required string Uri { get; init; }

    /// <summary>One of the <see cref="Categories"/> constants (README counts are per category).</summary>
    public required string Category { get; init; }

    /// <summary>The captured response.</summary>
    public required HttpResponse Response { get; init; }

    /// <summary>How the text is encoded and where the charset is declared, for the README table; "-" for binary bodies.</summary>
    public string Charset { get; init; } = "-";

    /// <summary>The capture this one duplicates (exactly or nearly); it must be written after that one.</summary>
    public Capture? DuplicateOf { get; init; }
}
