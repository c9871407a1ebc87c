namespace SampleWarcGenerator.Http;

/// <summary>Ways a captured HTTP response departs from the plain <c>Content-Length</c> + identity form.</summary>
[Flags]
internal enum HttpQuirks
{
    /// <summary>Plain response with Content-Length.</summary>
    None = 0,

    /// <summary>Body sent with <c>Transfer-Encoding: chunked</c> (really chunked).</summary>
    Chunked = 1,

    /// <summary>Body sent with <c>Content-Encoding: gzip</c> (really gzipped).</summary>
    Gzip = 2,

    /// <summary>Claims <c>Content-Encoding: gzip</c> but the body is plain.</summary>
    FalseGzip = 4,

    /// <summary>Header names written in lower case.</summary>
    LowercaseNames = 8,
}
