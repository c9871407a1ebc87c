using System.IO.Compression;

namespace CurationPipeline.Warc.Http;

/// <summary>
/// Undoes the transfer and content codings of a stored HTTP body: chunked, then gzip / deflate / br. Common Crawl's
/// <c>X-Crawler-*</c> renamed headers are not these header names, so such bodies (already decoded by the crawler) pass through.
/// </summary>
/// <remarks>
/// Lenient by design: a broken chunked body keeps the chunks read so far, a truncated compressed body keeps what inflated,
/// and a body that is not really encoded as declared (nothing decodes) falls back to the stored bytes.
/// </remarks>
internal static class HttpBodyDecoder
{
    /// <summary>Decodes the body stored as <paramref name="stored"/> per <paramref name="headers"/>.</summary>
    /// <param name="headers">The HTTP response headers.</param>
    /// <param name="stored">The body as stored in the record.</param>
    /// <param name="limit">The largest decoded body accepted.</param>
    /// <param name="body">The decoded body: <paramref name="stored"/> itself when nothing is encoded (the common case, not
    /// copied), else the bytes in <paramref name="buffer"/>.</param>
    /// <param name="buffer">The pooled buffer holding a decoded body, or <c>null</c>; the caller disposes it.</param>
    /// <returns>False when the decoded body would exceed <paramref name="limit"/>.</returns>
    public static bool TryDecode(WarcHeaders headers, ReadOnlyMemory<byte> stored, int limit, out ReadOnlyMemory<byte> body, out PooledBuffer? buffer)
    {
        ReadOnlySpan<byte> transfer = headers.GetValueBytes("Transfer-Encoding");
        ReadOnlySpan<byte> coding = headers.GetValueBytes("Content-Encoding").Trim(" \t"u8);
        bool chunked = ContainsChunked(transfer);
        Encoding encoding = ParseCoding(coding);
        if (!chunked && encoding == Encoding.Identity)
        {
            buffer = null;
            body = stored;
            return stored.Length <= limit;
        }

        buffer = new PooledBuffer(stored.Length, limit);
        bool fits = Decode(stored.Span, chunked, encoding, buffer);
        body = buffer.Memory;
        return fits;
    }

    private static bool Decode(ReadOnlySpan<byte> body, bool chunked, Encoding encoding, PooledBuffer output)
    {
        using var dechunked = chunked ? new PooledBuffer(body.Length, int.MaxValue) : null;
        ReadOnlySpan<byte> encoded = body;
        if (dechunked is not null && Dechunk(body, dechunked))
        {
            encoded = dechunked.Span;
        }

        if (encoding == Encoding.Identity || !Inflate(encoded, encoding, output))
        {
            return !output.Overflowed && output.Append(encoded);
        }

        return !output.Overflowed;
    }

    private enum Encoding
    {
        Identity,
        Gzip,
        Deflate,
        Brotli,
    }

    private static bool ContainsChunked(ReadOnlySpan<byte> value)
    {
        for (int i = 0; i + 7 <= value.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(value.Slice(i, 7), "chunked"u8))
            {
                return true;
            }
        }

        return false;
    }

    private static Encoding ParseCoding(ReadOnlySpan<byte> coding) => coding switch
    {
        _ when System.Text.Ascii.EqualsIgnoreCase(coding, "gzip"u8) || System.Text.Ascii.EqualsIgnoreCase(coding, "x-gzip"u8) => Encoding.Gzip,
        _ when System.Text.Ascii.EqualsIgnoreCase(coding, "deflate"u8) => Encoding.Deflate,
        _ when System.Text.Ascii.EqualsIgnoreCase(coding, "br"u8) => Encoding.Brotli,
        _ => Encoding.Identity,
    };

    /// <summary>De-chunks into <paramref name="output"/>; false when the body is not chunked at all (then it is used as stored).</summary>
    private static bool Dechunk(ReadOnlySpan<byte> body, PooledBuffer output)
    {
        int pos = 0;
        bool any = false;
        while (pos < body.Length)
        {
            int lineEnd = body[pos..].IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = (lineEnd < 0 ? body[pos..] : body.Slice(pos, lineEnd)).TrimEnd((byte)'\r');
            int semicolon = line.IndexOf((byte)';');
            ReadOnlySpan<byte> sizeText = (semicolon < 0 ? line : line[..semicolon]).Trim(" \t"u8);
            if (lineEnd < 0 || !TryParseHex(sizeText, out int size))
            {
                return any;
            }

            pos += lineEnd + 1;
            if (size == 0)
            {
                return true;
            }

            int take = Math.Min(size, body.Length - pos);
            output.Append(body.Slice(pos, take));
            any = true;
            pos += take;
            if (pos < body.Length && body[pos] == (byte)'\r')
            {
                pos++;
            }

            if (pos < body.Length && body[pos] == (byte)'\n')
            {
                pos++;
            }
        }

        return any;
    }

    private static bool TryParseHex(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 7)
        {
            return false;
        }

        foreach (byte b in text)
        {
            int digit = char.IsAsciiDigit((char)b) ? b - '0' : char.IsAsciiHexDigit((char)b) ? (b | 0x20) - 'a' + 10 : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        return true;
    }

    /// <summary>Decompresses; false when nothing decodes (the body was not really encoded), so the caller uses the stored bytes.</summary>
    private static unsafe bool Inflate(ReadOnlySpan<byte> encoded, Encoding encoding, PooledBuffer output)
    {
        if (encoding == Encoding.Gzip && (encoded.Length < 2 || encoded[0] != 0x1F || encoded[1] != 0x8B))
        {
            return false;
        }

        fixed (byte* p = encoded)
        {
            using var source = new UnmanagedMemoryStream(p, encoded.Length);
            using Stream decoder = encoding switch
            {
                Encoding.Gzip => new GZipStream(source, CompressionMode.Decompress),
                Encoding.Brotli => new BrotliStream(source, CompressionMode.Decompress),
                _ when IsZlibHeader(encoded) => new ZLibStream(source, CompressionMode.Decompress),
                _ => new DeflateStream(source, CompressionMode.Decompress),
            };
            try
            {
                while (true)
                {
                    Span<byte> room = output.GetSpan(16 * 1024);
                    if (room.IsEmpty)
                    {
                        output.MarkOverflow();
                        return true;
                    }

                    int read = decoder.Read(room);
                    if (read == 0)
                    {
                        return true;
                    }

                    output.Advance(read);
                }
            }
            catch (InvalidDataException)
            {
                // Truncated or corrupt compressed body: keep what decoded; if nothing did, the declared coding was false.
                return output.Length > 0;
            }
        }
    }

    private static bool IsZlibHeader(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;
}
