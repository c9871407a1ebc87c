using System.Text;

namespace CurationPipeline.Warc.Internal;

/// <summary>
/// An ARC v1 header line: <c>URL IP-address Archive-date Content-type Archive-length</c>. Parsed from the right,
/// so a URL containing spaces (a known Common Crawl 2012 defect) stays whole.
/// </summary>
internal readonly ref struct ArcHeaderLine
{
    private ArcHeaderLine(ReadOnlySpan<byte> url, ReadOnlySpan<byte> ip, ReadOnlySpan<byte> date, ReadOnlySpan<byte> contentType, long length)
    {
        Url = url;
        Ip = ip;
        Date = date;
        ContentType = contentType;
        Length = length;
    }

    public ReadOnlySpan<byte> Url { get; }

    public ReadOnlySpan<byte> Ip { get; }

    public ReadOnlySpan<byte> Date { get; }

    public ReadOnlySpan<byte> ContentType { get; }

    /// <summary>The archive length, or -1 when the field is not a non-negative number.</summary>
    public long Length { get; }

    /// <summary>Whether <paramref name="line"/> (without its newline) has the ARC v1 shape. The length may still be invalid.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out ArcHeaderLine header)
    {
        header = default;
        line = line.TrimEnd((byte)'\r');
        if (line.Length < 12 || line[0] == (byte)' ')
        {
            return false;
        }

        Span<Range> right = stackalloc Range[4];
        ReadOnlySpan<byte> rest = line;
        for (int i = 3; i >= 0; i--)
        {
            int sp = rest.LastIndexOf((byte)' ');
            if (sp <= 0)
            {
                return false;
            }

            ReadOnlySpan<byte> field = rest[(sp + 1)..];
            if (field.IsEmpty)
            {
                return false;
            }

            rest = rest[..sp];
            right[i] = new Range(sp + 1, sp + 1 + field.Length);
        }

        ReadOnlySpan<byte> url = rest;
        ReadOnlySpan<byte> ip = line[right[0]];
        ReadOnlySpan<byte> date = line[right[1]];
        ReadOnlySpan<byte> type = line[right[2]];
        ReadOnlySpan<byte> lengthField = line[right[3]];
        if (url.IndexOf(":"u8) <= 0 || date.Length < 12 || date.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        long length = -1;
        if (!lengthField.ContainsAnyExceptInRange((byte)'0', (byte)'9') && lengthField.Length <= 15)
        {
            length = 0;
            foreach (byte b in lengthField)
            {
                length = (length * 10) + (b - '0');
            }
        }

        header = new ArcHeaderLine(url, ip, date, type, length);
        return true;
    }

    /// <summary>Writes the fields as WARC-style header lines so ARC records expose the same <see cref="WarcHeaders"/>.</summary>
    public byte[] ToHeaderBlock()
    {
        var sb = new StringBuilder(256);
        sb.Append("WARC-Target-URI: ").Append(Encoding.UTF8.GetString(Url)).Append("\r\n");
        sb.Append("WARC-IP-Address: ").Append(Encoding.ASCII.GetString(Ip)).Append("\r\n");
        if (Date.Length >= 14)
        {
            ReadOnlySpan<byte> d = Date;
            sb.Append("WARC-Date: ")
                .Append(Encoding.ASCII.GetString(d[..4])).Append('-').Append(Encoding.ASCII.GetString(d[4..6])).Append('-')
                .Append(Encoding.ASCII.GetString(d[6..8])).Append('T').Append(Encoding.ASCII.GetString(d[8..10])).Append(':')
                .Append(Encoding.ASCII.GetString(d[10..12])).Append(':').Append(Encoding.ASCII.GetString(d[12..14])).Append("Z\r\n");
        }

        sb.Append("Content-Type: ").Append(Encoding.ASCII.GetString(ContentType)).Append("\r\n");
        sb.Append("Content-Length: ").Append(Length).Append("\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
