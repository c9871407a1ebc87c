using System.Globalization;

namespace CurationPipeline.Warc;

/// <summary>One entry from <see cref="WarcReader"/>: a record (WARC or ARC) or a damaged region.</summary>
/// <remarks>
/// <see cref="Payload"/> points into the reader's buffer and is valid only until the next
/// <see cref="WarcReader.MoveNext"/>; copy it to keep it. Everything else is immutable.
/// </remarks>
public sealed record WarcRecord
{
    /// <summary>Record or damaged region.</summary>
    public required WarcEntryKind Kind { get; init; }

    /// <summary>The record type (<see cref="WarcRecordType.None"/> for damage).</summary>
    public WarcRecordType Type { get; init; }

    /// <summary>The WARC-Type value as written (<c>""</c> when missing); ARC records use <c>warcinfo</c>/<c>response</c>/<c>resource</c>.</summary>
    public string TypeName { get; init; } = "";

    /// <summary>The version line (<c>WARC/1.0</c>, <c>WARC/0.18</c>, …) or <c>ARC/1</c> for ARC records.</summary>
    public string Version { get; init; } = "";

    /// <summary>Whether the record came from an ARC file (its headers are synthesised from the ARC header line).</summary>
    public bool IsArc { get; init; }

    /// <summary>The header fields.</summary>
    public WarcHeaders Headers { get; init; } = WarcHeaders.Empty;

    /// <summary>File offset of the record: its gzip member's compressed offset, or the byte offset in an uncompressed file.</summary>
    public long SourceOffset { get; init; }

    /// <summary>Offset of the record (or damage) in the decompressed byte stream.</summary>
    public long DecodedOffset { get; init; }

    /// <summary>The declared Content-Length (ARC: archive length); -1 when missing or unparsable.</summary>
    public long ContentLength { get; init; } = -1;

    /// <summary>The payload when the type is selected by <see cref="WarcReaderOptions.DocumentRecordTypes"/> and the record is whole; else empty.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Whether <see cref="Payload"/> was read (type selected and no framing problem).</summary>
    public bool HasPayload { get; init; }

    /// <summary>A <see cref="WarcReasons"/> code when the record is damaged or the entry is damage; <c>null</c> for a sound record.</summary>
    public string? Problem { get; init; }

    /// <summary>Human-readable detail about <see cref="Problem"/>.</summary>
    public string? Detail { get; init; }

    /// <summary>WARC-Record-ID without the angle brackets, or <c>null</c>.</summary>
    public string? RecordId => StripBrackets(Headers["WARC-Record-ID"]);

    /// <summary>WARC-Target-URI without wget's angle brackets, or <c>null</c>.</summary>
    public string? TargetUri => StripBrackets(Headers["WARC-Target-URI"]);

    /// <summary>WARC-Date, or <c>null</c> when missing or invalid.</summary>
    public DateTimeOffset? Date =>
        DateTimeOffset.TryParse(Headers["WARC-Date"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset date)
            ? date
            : null;

    private static string? StripBrackets(string? value) =>
        value is { Length: >= 2 } && value[0] == '<' && value[^1] == '>' ? value[1..^1] : value;
}
