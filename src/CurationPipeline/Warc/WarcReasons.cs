namespace CurationPipeline.Warc;

/// <summary>Stable reason codes of the read stage (<c>stage.snake_case</c>); counters and rejects files key on them.</summary>
/// <remarks>
/// Errors (damaged input, <see cref="Documents.Rejection.IsError"/> = true): <c>warc.*</c> framing codes and <c>gzip.*</c>.
/// Drops (by rule): the <c>warc.type_*</c> codes, one per record type not turned into documents, and the <c>http.*</c> codes.
/// HTTP status drops are per class (<c>http.status_3xx</c>, …); the exact code is in the rejection's detail.
/// </remarks>
public static class WarcReasons
{
    /// <summary>The record (header or payload) ends before its declared length: end of file or a damaged gzip member.
    /// A file that ends inside the record's gzip member counts here only, not also as <see cref="GzipTruncated"/>.</summary>
    public const string Truncated = "warc.truncated";

    /// <summary>The header block has no end within <see cref="WarcReaderOptions.MaxHeaderBytes"/> or no usable version line.</summary>
    public const string MalformedHeader = "warc.malformed_header";

    /// <summary>Content-Length (ARC: archive length) is missing or not a number, disagrees with where the next record starts,
    /// or runs past the end of the record's gzip member (the record ends with its member; reading resumes at the next one).</summary>
    public const string BadContentLength = "warc.bad_content_length";

    /// <summary>The record is larger than <see cref="WarcReaderOptions.MaxRecordBytes"/>; it was skipped without being buffered.</summary>
    public const string RecordTooLarge = "warc.record_too_large";

    /// <summary>Bytes between records that are not a record (skipped up to the next <c>WARC/</c> or ARC header line).</summary>
    public const string Junk = "warc.junk";

    /// <summary>A record with an empty payload where a document was expected.</summary>
    public const string EmptyPayload = "warc.empty_payload";

    /// <summary>A <c>warcinfo</c> record (dropped).</summary>
    public const string TypeWarcinfo = "warc.type_warcinfo";

    /// <summary>A <c>response</c> record, when responses are not selected (dropped).</summary>
    public const string TypeResponse = "warc.type_response";

    /// <summary>A <c>resource</c> record (dropped unless selected).</summary>
    public const string TypeResource = "warc.type_resource";

    /// <summary>A <c>request</c> record (dropped).</summary>
    public const string TypeRequest = "warc.type_request";

    /// <summary>A <c>metadata</c> record (dropped).</summary>
    public const string TypeMetadata = "warc.type_metadata";

    /// <summary>A <c>revisit</c> record (dropped: it has no payload of its own).</summary>
    public const string TypeRevisit = "warc.type_revisit";

    /// <summary>A <c>conversion</c> record, when conversions are not selected (dropped).</summary>
    public const string TypeConversion = "warc.type_conversion";

    /// <summary>A <c>continuation</c> record (dropped: segmented records are not reassembled).</summary>
    public const string TypeContinuation = "warc.type_continuation";

    /// <summary>A record whose WARC-Type is missing or not one of the WARC 1.1 types (dropped).</summary>
    public const string TypeUnknown = "warc.type_unknown";

    /// <summary>A gzip member whose deflate data, header or trailer is invalid; the reader resynced at the next member.</summary>
    public const string GzipCorrupt = "gzip.corrupt";

    /// <summary>The file ends inside a gzip member without cutting a record short (that counts as <see cref="Truncated"/>).</summary>
    public const string GzipTruncated = "gzip.truncated";

    /// <summary>Bytes between or after gzip members that are not gzip.</summary>
    public const string GzipGarbage = "gzip.garbage";

    /// <summary>An HTTP response with a 1xx or out-of-range status (dropped).</summary>
    public const string HttpStatusOther = "http.status_other";

    /// <summary>An HTTP 3xx response (dropped).</summary>
    public const string HttpStatus3xx = "http.status_3xx";

    /// <summary>An HTTP 4xx response (dropped).</summary>
    public const string HttpStatus4xx = "http.status_4xx";

    /// <summary>An HTTP 5xx response (dropped).</summary>
    public const string HttpStatus5xx = "http.status_5xx";

    /// <summary>A response that is not HTML (media type in the detail; dropped).</summary>
    public const string HttpNotHtml = "http.not_html";

    /// <summary>A response payload without a parsable HTTP status line and header block.</summary>
    public const string HttpMalformed = "http.malformed";

    /// <summary>The decoded body (after chunked and content decoding) exceeds <see cref="WarcReaderOptions.MaxDecodedBodyBytes"/>.</summary>
    public const string HttpBodyTooLarge = "http.body_too_large";
}
