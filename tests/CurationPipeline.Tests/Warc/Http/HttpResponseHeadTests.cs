using System.Text;
using CurationPipeline.Warc.Http;

namespace CurationPipeline.Tests.Warc.Http;

/// <summary>Where the body starts: at the first blank line, CRLF or LF-only, whichever comes first.</summary>
public sealed class HttpResponseHeadTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>a</p>\n\n<p>b</p>", "<p>a</p>\n\n<p>b</p>")]
    [InlineData("HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>a</p>\r\n\r\n<p>b</p>", "<p>a</p>\r\n\r\n<p>b</p>")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/html\n\n<p>a</p>\r\n\r\n", "<p>a</p>\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\n<p>a</p>", "<p>a</p>")]
    public void TryParse_FirstBlankLine_StartsTheBody(string response, string body)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(response);

        HttpResponseHead head = HttpResponseHead.TryParse(bytes)!;

        Assert.Equal(body, Encoding.ASCII.GetString(bytes.AsSpan(head.BodyOffset)));
        Assert.Equal("text/html", head.Headers["Content-Type"]);
    }
}
