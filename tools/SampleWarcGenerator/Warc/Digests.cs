using System.Security.Cryptography;
using System.Text;

namespace SampleWarcGenerator.Warc;

/// <summary>WARC digest strings and deterministic record ids.</summary>
internal static class Digests
{
    /// <summary>The WARC form of a SHA-1 digest: <c>sha1:</c> followed by base32.</summary>
    public static string Sha1(ReadOnlySpan<byte> data) => "sha1:" + Base32.Encode(SHA1.HashData(data));

    /// <summary>A name-based (version 5 layout) UUID derived from <paramref name="name"/>, as <c>&lt;urn:uuid:...&gt;</c>.</summary>
    public static string RecordId(string name)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes("curation-pipeline/sample-warc/" + name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexStringLower(hash[..16]);
        return $"<urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}>";
    }
}
