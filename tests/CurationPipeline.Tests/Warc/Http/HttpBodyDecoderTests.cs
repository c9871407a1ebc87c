using System.Runtime.InteropServices;
using System.Text;
using CurationPipeline.Warc.Http;

namespace CurationPipeline.Tests.Warc.Http;

/// <summary>Bodies without a coding are handed back as stored (no copy); coded ones are decoded into a pooled buffer.</summary>
public sealed class HttpBodyDecoderTests
{
    [Fact]
    public void TryDecode_NoCoding_ReturnsTheStoredBytes()
    {
        byte[] record = Encoding.ASCII.GetBytes("xx<p>body</p>");
        ReadOnlyMemory<byte> stored = record.AsMemory(2);

        bool fits = HttpBodyDecoder.TryDecode(Head(""), stored, 1024, out ReadOnlyMemory<byte> body, out PooledBuffer? buffer);

        Assert.True(fits);
        Assert.Null(buffer);
        Assert.True(MemoryMarshal.TryGetArray(body, out ArraySegment<byte> segment));
        Assert.Same(record, segment.Array);
        Assert.Equal(2, segment.Offset);
        Assert.Equal(stored.Length, body.Length);
    }

    [Fact]
    public void TryDecode_NoCodingOverTheLimit_DoesNotFit()
    {
        byte[] stored = new byte[1025];

        Assert.False(HttpBodyDecoder.TryDecode(Head(""), stored, 1024, out _, out PooledBuffer? buffer));
        Assert.Null(buffer);
    }

    [Fact]
    public void TryDecode_Chunked_DecodesIntoTheBuffer()
    {
        byte[] stored = Encoding.ASCII.GetBytes("4\r\n<p>b\r\n5\r\nody</\r\n2\r\np>\r\n0\r\n\r\n");

        bool fits = HttpBodyDecoder.TryDecode(Head("Transfer-Encoding: chunked\r\n"), stored, 1024, out ReadOnlyMemory<byte> body, out PooledBuffer? buffer);
        using PooledBuffer? owner = buffer;

        Assert.True(fits);
        Assert.NotNull(buffer);
        Assert.Equal("<p>body</p>", Encoding.ASCII.GetString(body.Span));
    }

    private static CurationPipeline.Warc.WarcHeaders Head(string fields) =>
        HttpResponseHead.TryParse(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n" + fields + "Content-Type: text/html\r\n\r\n"))!.Headers;
}
