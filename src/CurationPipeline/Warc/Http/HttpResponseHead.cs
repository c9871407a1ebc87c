namespace CurationPipeline.Warc.Http;

/// <summary>The status line and header block of an HTTP response stored in a WARC or ARC record.</summary>
/// <param name="StatusCode">The three-digit status.</param>
/// <param name="Headers">The response headers (same lenient parsing as WARC headers).</param>
/// <param name="BodyOffset">Where the body starts in the payload.</param>
internal sealed record HttpResponseHead(int StatusCode, WarcHeaders Headers, int BodyOffset)
{
    /// <summary>Parses <paramref name="payload"/>; <c>null</c> when it does not start with an HTTP status line and header block.</summary>
    /// <remarks>Accepts an empty reason phrase, LF-only line endings and lower-case names. A header block that runs to the
    /// end of the payload (no blank line) is accepted with an empty body.</remarks>
    public static HttpResponseHead? TryParse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 12 || !System.Text.Ascii.EqualsIgnoreCase(payload[..5], "HTTP/"u8))
        {
            return null;
        }

        int lineEnd = payload.IndexOf((byte)'\n');
        ReadOnlySpan<byte> statusLine = (lineEnd < 0 ? payload : payload[..lineEnd]).TrimEnd((byte)'\r');
        int space = statusLine.IndexOf((byte)' ');
        if (space < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> code = statusLine[(space + 1)..].TrimStart((byte)' ');
        if (code.Length < 3 || !char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2])
            || (code.Length > 3 && code[3] != (byte)' '))
        {
            return null;
        }

        int status = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
        if (lineEnd < 0)
        {
            return new HttpResponseHead(status, WarcHeaders.Empty, payload.Length);
        }

        int headersStart = lineEnd + 1;
        int bodyOffset = payload.Length;
        int headersEnd = payload.Length;
        ReadOnlySpan<byte> rest = payload[headersStart..];
        if (rest.StartsWith("\r\n"u8) || rest.StartsWith("\n"u8))
        {
            headersEnd = headersStart;
            bodyOffset = headersStart + (rest[0] == (byte)'\r' ? 2 : 1);
        }
        else
        {
            // An LF-only end counts only before the first CRLF end: searched within that, not through the whole body.
            int crlf = rest.IndexOf("\n\r\n"u8);
            int lf = rest[..(crlf < 0 ? rest.Length : crlf + 1)].IndexOf("\n\n"u8);
            if (crlf >= 0 && (lf < 0 || crlf < lf))
            {
                headersEnd = headersStart + crlf + 1;
                bodyOffset = headersStart + crlf + 3;
            }
            else if (lf >= 0)
            {
                headersEnd = headersStart + lf + 1;
                bodyOffset = headersStart + lf + 2;
            }
        }

        return new HttpResponseHead(status, WarcHeaders.Parse(payload[headersStart..headersEnd]), bodyOffset);
    }
}
