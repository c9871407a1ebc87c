using System.Globalization;
using System.Text;

namespace SampleWarcGenerator.Warc;

/// <summary>Frames WARC/1.1 records and appends each one as its own gzip member (the Common Crawl layout).</summary>
internal sealed class WarcFileWriter
{
    private readonly MemoryStream _file = new();
    private readonly SortedDictionary<string, int> _typeCounts = new(StringComparer.Ordinal);

    /// <summary>Records written so far, per WARC-Type.</summary>
    public IReadOnlyDictionary<string, int> TypeCounts => _typeCounts;

    /// <summary>Formats a WARC-Date (second precision, UTC).</summary>
    public static string FormatDate(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public void Write(WarcRecord record)
    {
        var header = new StringBuilder(512);
        header.Append("WARC/1.1\r\n");
        Field(header, "WARC-Type", record.Type);
        Field(header, "WARC-Date", FormatDate(record.Date));
        Field(header, "WARC-Record-ID", record.RecordId);
        foreach (var (name, value) in record.Fields)
        {
            Field(header, name, value);
        }

        Field(header, "Content-Type", record.ContentType);
        Field(header, "Content-Length", record.Block.Length.ToString(CultureInfo.InvariantCulture));
        Field(header, "WARC-Block-Digest", Digests.Sha1(record.Block));
        if (record.Payload is not null)
        {
            Field(header, "WARC-Payload-Digest", Digests.Sha1(record.Payload));
        }

        header.Append("\r\n");
        byte[] head = Encoding.ASCII.GetBytes(header.ToString());
        var raw = new byte[head.Length + record.Block.Length + 4];
        head.CopyTo(raw, 0);
        record.Block.CopyTo(raw, head.Length);
        "\r\n\r\n"u8.CopyTo(raw.AsSpan(head.Length + record.Block.Length));
        _file.Write(GzipMember.Compress(raw));
        _typeCounts[record.Type] = _typeCounts.GetValueOrDefault(record.Type) + 1;
    }

    /// <summary>The whole file written so far.</summary>
    public byte[] ToArray() => _file.ToArray();

    private static void Field(StringBuilder header, string name, string value) =>
        header.Append(name).Append(": ").Append(value).Append("\r\n");
}
