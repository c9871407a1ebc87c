namespace CurationPipeline.Dedup.Internal;

/// <summary>Constants and sizes of the signature file format (see <see cref="SignatureFileWriter"/>).</summary>
internal static class SignatureFileLayout
{
    public const uint Magic = 0x47535043; // "CPSG"
    public const ushort Version = 3;
    public const ushort FlagSketches = 1;

    /// <summary>magic, version, flags, kind, reserved, shingle size, bands, rows, seed, rank, count, table bytes.</summary>
    public const int HeaderBytes = 4 + 2 + 2 + 1 + 1 + 2 + 2 + 2 + 8 + 4 + 4 + 8;

    /// <summary>Priority, exact hash, URL key and capture time, before the id, source path and source offset.</summary>
    public const int DocumentFixedBytes = 2 + 16 + 8 + 8;

    public const int BandRecordBytes = 12;
    public const int ExactRecordBytes = 20;

    /// <summary>Bytes of the 7-bit encoded length prefix <see cref="BinaryWriter.Write(string)"/> writes.</summary>
    public static int SevenBitLength(int value)
    {
        int bytes = 1;
        for (uint v = (uint)value; v >= 0x80; v >>= 7)
        {
            bytes++;
        }

        return bytes;
    }
}
