using System.Runtime.InteropServices;
using System.Text;

namespace CurationPipeline.Mixing.Internal;

/// <summary>The record format of a shuffle bucket: domain byte, id, optional url, token count, tokens (int32 LE).</summary>
internal static class BucketFile
{
    public static void Write(BinaryWriter writer, byte domain, string id, string? url, ReadOnlySpan<int> inputIds)
    {
        writer.Write(domain);
        writer.Write(id);
        writer.Write(url is not null);
        if (url is not null)
        {
            writer.Write(url);
        }

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
                var ids = new int[reader.ReadInt32()];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(ids.AsSpan()));
                documents.Add(new SpilledDocument(domain, id, url, ids));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Shuffle bucket '{path}' is truncated.", e);
        }

        return documents;
    }
}
