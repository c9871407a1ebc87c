using System.Text;

namespace CurationPipeline.Warc.Internal;

/// <summary>Parsers for the WARC fields the framer needs before anything else: WARC-Type and Content-Length.</summary>
internal static class WarcFieldParsers
{
    /// <summary>A non-negative decimal length, or -1.</summary>
    public static long ParseLength(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 15 || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return -1;
        }

        long n = 0;
        foreach (byte b in value)
        {
            n = (n * 10) + (b - '0');
        }

        return n;
    }

    /// <summary>The record type and its canonical name (the written name for unknown types).</summary>
    public static (WarcRecordType Type, string Name) ParseType(ReadOnlySpan<byte> value) => value switch
    {
        _ when value.SequenceEqual("response"u8) => (WarcRecordType.Response, "response"),
        _ when value.SequenceEqual("request"u8) => (WarcRecordType.Request, "request"),
        _ when value.SequenceEqual("metadata"u8) => (WarcRecordType.Metadata, "metadata"),
        _ when value.SequenceEqual("warcinfo"u8) => (WarcRecordType.Warcinfo, "warcinfo"),
        _ when value.SequenceEqual("resource"u8) => (WarcRecordType.Resource, "resource"),
        _ when value.SequenceEqual("revisit"u8) => (WarcRecordType.Revisit, "revisit"),
        _ when value.SequenceEqual("conversion"u8) => (WarcRecordType.Conversion, "conversion"),
        _ when value.SequenceEqual("continuation"u8) => (WarcRecordType.Continuation, "continuation"),
        _ => (WarcRecordType.Unknown, Encoding.UTF8.GetString(value)),
    };
}
