namespace CurationPipeline.Warc;

/// <summary>Limits and selection for <see cref="WarcReader"/> and <see cref="WarcDocumentSource"/>.</summary>
/// <remarks>
/// Defaults: <see cref="MaxRecordBytes"/> 32 MiB, <see cref="MaxHeaderBytes"/> 64 KiB, <see cref="MaxDecodedBodyBytes"/> 64 MiB,
/// <see cref="DocumentRecordTypes"/> <c>Response | Conversion</c>, <see cref="CharsetSniffBytes"/> 4096.
/// The reader copies nothing from the options after construction, so they are safe to share.
/// </remarks>
public sealed record WarcReaderOptions
{
    /// <summary>Largest record payload that is buffered; bigger records are skipped with <see cref="WarcReasons.RecordTooLarge"/>.</summary>
    public int MaxRecordBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Largest header block (WARC headers or an ARC header line) before <see cref="WarcReasons.MalformedHeader"/>.</summary>
    public int MaxHeaderBytes { get; init; } = 64 * 1024;

    /// <summary>Largest HTTP body after de-chunking and Content-Encoding decoding (guards against compression bombs).</summary>
    public int MaxDecodedBodyBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// Record types whose payloads are read and turned into documents; every other type is dropped with its
    /// <c>warc.type_*</c> reason before its payload is looked at. Only Response, Resource and Conversion can become documents.
    /// </summary>
    public WarcRecordType DocumentRecordTypes { get; init; } = WarcRecordType.Response | WarcRecordType.Conversion;

    /// <summary>How many leading body bytes are searched for a <c>&lt;meta&gt;</c> charset declaration.</summary>
    public int CharsetSniffBytes { get; init; } = 4096;

    /// <summary>Checks every limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range; the message names the property.</exception>
    public void Validate()
    {
        const WarcRecordType documentTypes = WarcRecordType.Response | WarcRecordType.Resource | WarcRecordType.Conversion;
        if (MaxRecordBytes < 1 || MaxRecordBytes > Array.MaxLength / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRecordBytes), MaxRecordBytes, "Must be between 1 and Array.MaxLength / 2.");
        }

        if (MaxHeaderBytes < 256 || MaxHeaderBytes > 16 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxHeaderBytes), MaxHeaderBytes, "Must be between 256 and 16 MiB.");
        }

        if (MaxDecodedBodyBytes < 1 || MaxDecodedBodyBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDecodedBodyBytes), MaxDecodedBodyBytes, "Must be between 1 and Array.MaxLength.");
        }

        if ((DocumentRecordTypes & ~documentTypes) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DocumentRecordTypes), DocumentRecordTypes, "Only Response, Resource and Conversion records can become documents.");
        }

        if (CharsetSniffBytes < 0 || CharsetSniffBytes > 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(CharsetSniffBytes), CharsetSniffBytes, "Must be between 0 and 1 MiB.");
        }
    }
}
