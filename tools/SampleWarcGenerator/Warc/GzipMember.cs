using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace SampleWarcGenerator.Warc;

/// <summary>
/// Writes one complete gzip member with a fixed header (mtime 0, XFL 0, OS 255 "unknown"), so the bytes do not depend
/// on the clock or on the operating system that ran the generator (GZipStream would stamp the OS byte).
/// </summary>
internal static class GzipMember
{
    private static ReadOnlySpan<byte> Header => [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF];

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 3 + 32);
        output.Write(Header);
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(data);
        }

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.HashToUInt32(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)data.Length);
        output.Write(trailer);
        return output.ToArray();
    }
}
