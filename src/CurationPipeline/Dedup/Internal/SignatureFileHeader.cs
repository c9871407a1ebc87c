namespace CurationPipeline.Dedup.Internal;

/// <summary>The header of a signature file and the section offsets it implies.</summary>
internal sealed record SignatureFileHeader(MinHashOptions Options, int Rank, int Count, bool HasSketches, long TableBytes)
{
    public long SketchOffset => SignatureFileLayout.HeaderBytes + TableBytes;

    public long BandOffset(int band) =>
        SketchOffset + (HasSketches ? (long)Count * Options.HashCount * 4 : 0) + (long)band * Count * SignatureFileLayout.BandRecordBytes;

    public long ExactOffset => BandOffset(Options.Bands);

    public long TotalBytes => ExactOffset + (long)Count * SignatureFileLayout.ExactRecordBytes;

    public void Write(BinaryWriter writer)
    {
        writer.Write(SignatureFileLayout.Magic);
        writer.Write(SignatureFileLayout.Version);
        writer.Write(HasSketches ? SignatureFileLayout.FlagSketches : (ushort)0);
        writer.Write((byte)Options.ShingleKind);
        writer.Write((byte)0);
        writer.Write((ushort)Options.ShingleSize);
        writer.Write((ushort)Options.Bands);
        writer.Write((ushort)Options.Rows);
        writer.Write(Options.Seed);
        writer.Write(Rank);
        writer.Write(Count);
        writer.Write(TableBytes);
    }

    /// <summary>Reads and checks a header.</summary>
    /// <exception cref="InvalidDataException">Not a signature file, an unknown version, or a length that does not match the header.</exception>
    public static SignatureFileHeader Read(BinaryReader reader, string path, long fileLength)
    {
        if (fileLength < SignatureFileLayout.HeaderBytes || reader.ReadUInt32() != SignatureFileLayout.Magic)
        {
            throw new InvalidDataException($"{path}: not a dedup signature file.");
        }

        ushort version = reader.ReadUInt16();
        if (version != SignatureFileLayout.Version)
        {
            throw new InvalidDataException($"{path}: signature file version {version} is not supported.");
        }

        ushort flags = reader.ReadUInt16();
        var kind = (ShingleKind)reader.ReadByte();
        reader.ReadByte();
        var options = new MinHashOptions
        {
            ShingleKind = kind,
            ShingleSize = reader.ReadUInt16(),
            Bands = reader.ReadUInt16(),
            Rows = reader.ReadUInt16(),
            Seed = reader.ReadUInt64(),
        };
        int rank = reader.ReadInt32();
        int count = reader.ReadInt32();
        long tableBytes = reader.ReadInt64();
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"{path}: invalid MinHash options in header ({e.ParamName}).", e);
        }

        var header = new SignatureFileHeader(options, rank, count, (flags & SignatureFileLayout.FlagSketches) != 0, tableBytes);
        if (count < 0 || tableBytes < 0 || header.TotalBytes != fileLength)
        {
            throw new InvalidDataException($"{path}: length {fileLength} does not match the header (expected {header.TotalBytes}).");
        }

        return header;
    }
}
