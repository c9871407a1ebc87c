namespace SampleWarcGenerator.Warc;

/// <summary>One WARC record before framing: named header fields (in order) and the block bytes.</summary>
/// <param name="Type">The WARC-Type value.</param>
/// <param name="RecordId">The WARC-Record-ID value, angle brackets included.</param>
/// <param name="Date">The WARC-Date (UTC).</param>
/// <param name="ContentType">The Content-Type of the block.</param>
/// <param name="Fields">Further named fields written after WARC-Record-ID, in order.</param>
/// <param name="Block">The record block.</param>
/// <param name="Payload">The payload to digest as WARC-Payload-Digest, or null for none.</param>
internal sealed record WarcRecord(
    string Type,
    string RecordId,
    DateTime Date,
    string ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    byte[] Block,
    byte[]? Payload);
