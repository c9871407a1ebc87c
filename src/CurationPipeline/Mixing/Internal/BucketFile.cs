using System.Runtime.InteropServices;
using System.Text;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// The record format of a shuffle bucket: domain byte, id, optional url, optional source path, source offset, copy number, token
/// count, tokens (int32 LE).
/// </summary>
internal static class BucketFile
{
    public static void Write(BinaryWriter writer, byte domain, TokenizedDocument document, int copy)
    {
        writer.Write(domain);
        writer.Write(document.Id);
        WriteOptional(writer, document.Url);
        WriteOptional(writer, document.SourcePath);
        writer.Write(document.SourceOffset);
        writer.Write(copy);
        ReadOnlySpan<int> inputIds = document.InputIds.Span;

        writer.Write(inputIds.Length);
        writer.Write(MemoryMarshal.AsBytes(inputIds));
    }

    /// <summary>Reads every record of a bucket stream, to its end (the stream need not seek).</summary>
    /// <exception cref="InvalidDataException">The bucket is truncated.</exception>
    public static List<SpilledDocument> ReadAll(Stream stream, string path)
    {
        var documents = new List<SpilledDocument>();
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            for (int first = stream.ReadByte(); first >= 0; first = stream.ReadByte())
            {
                byte domain = (byte)first;
                string id = reader.ReadString();
                string? url = reader.ReadBoolean() ? reader.ReadString() : null;
                string? sourcePath = reader.ReadBoolean() ? reader.ReadString() : null;
                long sourceOffset = reader.ReadInt64();
                int copy = reader.ReadInt32();
                var ids = new int[reader.ReadInt32()];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(ids.AsSpan()));
                documents.Add(new SpilledDocument(domain, id, url, sourcePath, sourceOffset, copy, ids));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Shuffle bucket '{path}' is truncated.", e);
        }

        return documents;
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }
}
