using CurationPipeline.Storage;

namespace CurationPipeline.Dedup.Internal;

/// <summary>Candidate pair files: magic <c>CPPR</c> (u32), version (u16), then (i32, i32) global document index pairs to the end.</summary>
internal static class PairFile
{
    private const uint Magic = 0x52505043; // "CPPR"
    private const ushort Version = 1;
    private const int HeaderBytes = 6;

    public static void WriteHeader(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(Version);
    }

    /// <summary>Streams the pairs of one file.</summary>
    /// <exception cref="InvalidDataException">The file is not a pair file or ends inside a pair.</exception>
    public static IEnumerable<(int A, int B)> Read(IStorage storage, string path, int bufferBytes)
    {
        long length = storage.Length(path);
        using Stream stream = storage.OpenRead(path);
        using var reader = new BinaryReader(new BufferedStream(stream, bufferBytes));
        if (length < HeaderBytes || (length - HeaderBytes) % 8 != 0 || reader.ReadUInt32() != Magic || reader.ReadUInt16() != Version)
        {
            throw new InvalidDataException($"{path}: not a version {Version} candidate pair file.");
        }

        for (long i = (length - HeaderBytes) / 8; i > 0; i--)
        {
            yield return (reader.ReadInt32(), reader.ReadInt32());
        }
    }
}
