using System.Globalization;
using System.Text;
using SampleWarcGenerator.Warc;

namespace SampleWarcGenerator.Http;

/// <summary>A captured HTTP response, serialised the way it came off the wire.</summary>
internal sealed record HttpResponse
{
    private static readonly int[] s_chunkSizes = [1024, 2500, 733, 4096, 1900];

    /// <summary>The status code.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The Content-Type header value, or null for none.</summary>
    public string? ContentType { get; init; }

    /// <summary>The entity body before any content or transfer coding.</summary>
    public required byte[] Body { get; init; }

    /// <summary>The Server header value.</summary>
    public string Server { get; init; } = "nginx";

    /// <summary>Headers written after Content-Type (Location, Cache-Control, ...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders { get; init; } = [];

    /// <summary>Transfer and content coding quirks.</summary>
    public HttpQuirks Quirks { get; init; }

    /// <summary>The status line and header block only (what a revisit record stores).</summary>
    public byte[] HeaderBytes(DateTime date) => Serialize(date).Head;

    /// <summary>
    /// The full HTTP message (the WARC block) and its payload: the entity body after transfer decoding, still content
    /// coded, which is what WARC-Payload-Digest covers.
    /// </summary>
    public (byte[] Block, byte[] Payload) ToBlock(DateTime date)
    {
        var (head, payload) = Serialize(date);
        byte[] wire = (Quirks & HttpQuirks.Chunked) != 0 ? Chunk(payload) : payload;
        var block = new byte[head.Length + wire.Length];
        head.CopyTo(block, 0);
        wire.CopyTo(block, head.Length);
        return (block, payload);
    }

    private (byte[] Head, byte[] Payload) Serialize(DateTime date)
    {
        byte[] payload = (Quirks & HttpQuirks.Gzip) != 0 ? GzipMember.Compress(Body) : Body;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Date", date.ToString("r", CultureInfo.InvariantCulture)),
            new("Server", Server),
        };
        if (ContentType is not null)
        {
            headers.Add(new("Content-Type", ContentType));
        }

        headers.AddRange(ExtraHeaders);
        if ((Quirks & (HttpQuirks.Gzip | HttpQuirks.FalseGzip)) != 0)
        {
            headers.Add(new("Content-Encoding", "gzip"));
            headers.Add(new("Vary", "Accept-Encoding"));
        }

        headers.Add((Quirks & HttpQuirks.Chunked) != 0
            ? new("Transfer-Encoding", "chunked")
            : new("Content-Length", payload.Length.ToString(CultureInfo.InvariantCulture)));
        headers.Add(new("Connection", "close"));

        var head = new StringBuilder(512);
        head.Append("HTTP/1.1 ").Append(Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Reason(Status)).Append("\r\n");
        bool lower = (Quirks & HttpQuirks.LowercaseNames) != 0;
        foreach (var (name, value) in headers)
        {
            head.Append(lower ? name.ToLowerInvariant() : name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return (Encoding.ASCII.GetBytes(head.ToString()), payload);
    }

    private static byte[] Chunk(byte[] payload)
    {
        using var wire = new MemoryStream(payload.Length + 64);
        int offset = 0;
        for (int i = 0; offset < payload.Length; i++)
        {
            int size = Math.Min(s_chunkSizes[i % s_chunkSizes.Length], payload.Length - offset);
            wire.Write(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            wire.Write(payload, offset, size);
            wire.Write("\r\n"u8);
            offset += size;
        }

        wire.Write("0\r\n\r\n"u8);
        return wire.ToArray();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No reason phrase for this status."),
    };
}
