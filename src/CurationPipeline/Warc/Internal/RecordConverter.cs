using System.Buffers;
using System.IO.Hashing;
using System.Text;
using CurationPipeline.Documents;
using CurationPipeline.Warc.Http;

namespace CurationPipeline.Warc.Internal;

/// <summary>Turns one <see cref="WarcRecord"/> into exactly one <see cref="SourceItem"/>: a document or a rejection with its reason.</summary>
internal sealed class RecordConverter
{
    private const string Stage = "read";

    private readonly WarcReaderOptions _options;
    private readonly string _path;
    private readonly string _fileHash;
    private readonly ArrayPool<char> _textPool;

    /// <param name="options">Limits.</param>
    /// <param name="path">The file the records come from.</param>
    /// <param name="textPool">The pool HTML documents' chars are rented from (their <see cref="RawContent"/> returns them).</param>
    public RecordConverter(WarcReaderOptions options, string path, ArrayPool<char> textPool)
    {
        _options = options;
        _path = path;
        _textPool = textPool;
        _fileHash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(Path.GetFileName(path))).ToString("x16");
    }

    public SourceItem Convert(WarcRecord record)
    {
        if (record.Kind == WarcEntryKind.Damage)
        {
            return Reject(null, null, record.Problem!, true, $"offset {record.SourceOffset}: {record.Detail}");
        }

        // ARC records have no ids, and some WARC records lack one: a deterministic id from file name and position stands in.
        string id = record.RecordId ?? $"{(record.IsArc ? "arc" : "warc")}:{_fileHash}:{record.DecodedOffset}";
        string? url = record.TargetUri;
        if (record.Problem is not null)
        {
            return Reject(id, url, record.Problem, true, $"offset {record.SourceOffset}: {record.Detail}");
        }

        if (!record.HasPayload)
        {
            return Reject(id, url, TypeReason(record.Type), false, record.TypeName);
        }

        ReadOnlySpan<byte> payload = record.Payload.Span;
        if (record.Type == WarcRecordType.Conversion)
        {
            string text = Encoding.UTF8.GetString(payload.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? payload[3..] : payload);
            return string.IsNullOrWhiteSpace(text)
                ? Reject(id, url, WarcReasons.EmptyPayload, false, null)
                : SourceItem.Of(Document(record, id, url, ContentKind.Text, text, "utf-8"));
        }

        if (record.Type == WarcRecordType.Resource)
        {
            return FromBody(record, id, url, record.Headers["Content-Type"], WarcHeaders.Empty, record.Payload);
        }

        HttpResponseHead? head = HttpResponseHead.TryParse(payload);
        if (head is null)
        {
            return Reject(id, url, WarcReasons.HttpMalformed, false, "no HTTP status line");
        }

        if (head.StatusCode is < 200 or > 299)
        {
            string reason = head.StatusCode switch
            {
                >= 300 and < 400 => WarcReasons.HttpStatus3xx,
                >= 400 and < 500 => WarcReasons.HttpStatus4xx,
                >= 500 and < 600 => WarcReasons.HttpStatus5xx,
                _ => WarcReasons.HttpStatusOther,
            };
            return Reject(id, url, reason, false, head.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return FromBody(record, id, url, head.Headers["Content-Type"], head.Headers, record.Payload[head.BodyOffset..]);
    }

    private SourceItem FromBody(WarcRecord record, string id, string? url, string? contentType, WarcHeaders httpHeaders, ReadOnlyMemory<byte> stored)
    {
        string mediaType = MediaType(contentType);
        if (mediaType.Length > 0 && !IsHtmlMediaType(mediaType))
        {
            return Reject(id, url, WarcReasons.HttpNotHtml, false, mediaType);
        }

        bool fits = HttpBodyDecoder.TryDecode(httpHeaders, stored, _options.MaxDecodedBodyBytes, out ReadOnlyMemory<byte> body, out PooledBuffer? decoded);
        using PooledBuffer? owner = decoded;
        if (!fits)
        {
            return Reject(id, url, WarcReasons.HttpBodyTooLarge, false, $"limit {_options.MaxDecodedBodyBytes} bytes");
        }

        if (body.Length == 0)
        {
            return Reject(id, url, WarcReasons.EmptyPayload, false, null);
        }

        if (mediaType.Length == 0 && !LooksLikeHtml(body.Span))
        {
            return Reject(id, url, WarcReasons.HttpNotHtml, false, "(none)");
        }

        Encoding encoding = CharsetResolver.Resolve(contentType, body, _options.CharsetSniffBytes, out int preamble);
        int length = AsciiRunDecoder.Decode(encoding, body.Span[preamble..], _textPool, out char[] html);
        return SourceItem.Of(Document(record, id, url, ContentKind.Html, RawContent.Rented(html, length, _textPool), encoding.WebName));
    }

    private RawDocument Document(WarcRecord record, string id, string? url, ContentKind kind, RawContent content, string charset) => new()
    {
        Id = id,
        Url = url,
        Date = record.Date,
        Kind = kind,
        Content = content,
        Charset = charset,
        SourcePath = _path,
        SourceOffset = record.SourceOffset,
    };

    private static SourceItem Reject(string? id, string? url, string reason, bool isError, string? detail) =>
        SourceItem.Of(new Rejection(id, url, Stage, reason, isError, detail));

    private static string MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "";
        }

        int semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static bool IsHtmlMediaType(string mediaType) => mediaType is "text/html" or "application/xhtml+xml";

    /// <summary>Content sniffing for a missing Content-Type: an HTML tag near the start of the body.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> body)
    {
        Span<byte> lower = stackalloc byte[Math.Min(body.Length, 1024)];
        for (int i = 0; i < lower.Length; i++)
        {
            lower[i] = char.IsAsciiLetterUpper((char)body[i]) ? (byte)(body[i] | 0x20) : body[i];
        }

        ReadOnlySpan<byte> head = lower.TrimStart((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return head.StartsWith("<"u8)
            && (head.IndexOf("<!doctype html"u8) >= 0 || head.IndexOf("<html"u8) >= 0 || head.IndexOf("<head"u8) >= 0 || head.IndexOf("<body"u8) >= 0);
    }

    private static string TypeReason(WarcRecordType type) => type switch
    {
        WarcRecordType.Warcinfo => WarcReasons.TypeWarcinfo,
        WarcRecordType.Response => WarcReasons.TypeResponse,
        WarcRecordType.Resource => WarcReasons.TypeResource,
        WarcRecordType.Request => WarcReasons.TypeRequest,
        WarcRecordType.Metadata => WarcReasons.TypeMetadata,
        WarcRecordType.Revisit => WarcReasons.TypeRevisit,
        WarcRecordType.Conversion => WarcReasons.TypeConversion,
        WarcRecordType.Continuation => WarcReasons.TypeContinuation,
        _ => WarcReasons.TypeUnknown,
    };
}
