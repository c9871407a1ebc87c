using System.Text;
using CurationPipeline.Documents;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup.Internal;

/// <summary>
/// The paragraph hashes of one signature file's documents (<c>{stem}.parahash</c> beside it), sorted by identity
/// (<see cref="DocumentIdentity.Compare"/>), so the dedup pass merges every file into one global identity order without sorting again.
/// </summary>
/// <remarks>Layout: magic <c>CPPH</c> (u32), version (u16), count (i64), then per document: id, source path (7-bit
/// length-prefixed UTF-8), source offset (i64), paragraph count (7-bit), hashes (u64 each).</remarks>
internal static class ParagraphHashFile
{
    public const string FileExtension = ".parahash";

    private const uint Magic = 0x48505043; // "CPPH"
    private const ushort Version = 1;

    /// <summary>Writes <paramref name="documents"/> sorted by identity, atomically.</summary>
    public static async Task WriteAsync(IStorage storage, string path, List<ParagraphHashes> documents, CancellationToken cancellationToken)
    {
        documents.Sort(ParagraphHashes.Compare);
        await using AtomicWrite write = storage.CreateAtomic(path);
        using (var writer = new BinaryWriter(write.Stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write((long)documents.Count);
            foreach (ParagraphHashes document in documents)
            {
                writer.Write(document.Id);
                writer.Write(document.SourcePath);
                writer.Write(document.SourceOffset);
                writer.Write7BitEncodedInt(document.Hashes.Length);
                foreach (ulong hash in document.Hashes)
                {
                    writer.Write(hash);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the documents in file (identity) order, without their hashes, which go to <paramref name="buffer"/> (reused between documents).</summary>
    /// <exception cref="InvalidDataException">The file is not a paragraph hash file, is truncated or is not sorted.</exception>
    public static IEnumerable<ParagraphHashes> Read(IStorage storage, string path, int readBufferBytes, List<ulong> buffer)
    {
        using Stream stream = storage.OpenRead(path);
        using var reader = new BinaryReader(new BufferedStream(stream, readBufferBytes), Encoding.UTF8);
        long count;
        try
        {
            count = reader.ReadUInt32() == Magic && reader.ReadUInt16() == Version ? reader.ReadInt64() : -1;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated paragraph hash file.", e);
        }

        if (count < 0)
        {
            throw new InvalidDataException($"{path}: not a version {Version} paragraph hash file.");
        }

        ParagraphHashes? previous = null;
        for (long i = 0; i < count; i++)
        {
            ParagraphHashes document;
            try
            {
                document = new ParagraphHashes(reader.ReadString(), reader.ReadString(), reader.ReadInt64(), []);
                int n = reader.Read7BitEncodedInt();
                buffer.Clear();
                for (int j = 0; j < n; j++)
                {
                    buffer.Add(reader.ReadUInt64());
                }
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"{path}: truncated paragraph hash file.", e);
            }

            if (previous is not null && ParagraphHashes.Compare(previous, document) > 0)
            {
                throw new InvalidDataException($"{path}: documents are not sorted by identity.");
            }

            previous = document;
            yield return document;
        }
    }
}

/// <summary>A document's identity and paragraph hashes (empty when read: the reader fills a shared buffer instead).</summary>
internal sealed record ParagraphHashes(string Id, string SourcePath, long SourceOffset, ulong[] Hashes)
{
    /// <summary>The identity key the drop list and the decisions file use.</summary>
    public UInt128 Key => DocumentIdentity.KeyOf(Id, SourcePath, SourceOffset);

    /// <summary>Identity order (<see cref="DocumentIdentity.Compare"/>).</summary>
    public static int Compare(ParagraphHashes? x, ParagraphHashes? y) =>
        DocumentIdentity.Compare(x!.Id, x.SourcePath, x.SourceOffset, y!.Id, y.SourcePath, y.SourceOffset);
}
