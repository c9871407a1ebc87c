using System.Text;
using CurationPipeline.Storage;

namespace CurationPipeline.Dedup.Internal;

/// <summary>What paragraph dedup removes from one document: its paragraph count and the removed paragraph numbers, ascending.</summary>
internal sealed record ParagraphRemoval(int Paragraphs, int[] Removed)
{
    /// <summary>Every paragraph is removed: the document is dropped.</summary>
    public bool Emptied => Removed.Length == Paragraphs;
}

/// <summary>
/// The paragraph dedup decisions (<c>dedup/paragraph-removals.bin</c>): one record per document that loses a paragraph, in
/// identity-key order, written as the decisions stream out.
/// </summary>
/// <remarks>Layout: magic <c>CPPR</c> (u32), version (u16), then per document a 1 byte, its identity key (2 × u64, low first),
/// paragraph count, removed count and removed numbers (7-bit each); then a 0 byte and the record count (i64).</remarks>
internal sealed class ParagraphRemovalFile : IAsyncDisposable
{
    private const uint Magic = 0x52505043; // "CPPR"
    private const ushort Version = 1;

    private readonly AtomicWrite _write;
    private readonly BinaryWriter _writer;
    private long _count;

    private ParagraphRemovalFile(AtomicWrite write)
    {
        _write = write;
        _writer = new BinaryWriter(new BufferedStream(write.Stream, 1 << 16), Encoding.UTF8, leaveOpen: true);
        _writer.Write(Magic);
        _writer.Write(Version);
    }

    /// <summary>Starts writing <paramref name="path"/>; nothing appears there until <see cref="CommitAsync"/>.</summary>
    public static ParagraphRemovalFile Create(IStorage storage, string path) => new(storage.CreateAtomic(path));

    public void Add(UInt128 key, int paragraphs, List<int> removed)
    {
        _writer.Write((byte)1);
        _writer.Write((ulong)key);
        _writer.Write((ulong)(key >> 64));
        _writer.Write7BitEncodedInt(paragraphs);
        _writer.Write7BitEncodedInt(removed.Count);
        foreach (int paragraph in removed)
        {
            _writer.Write7BitEncodedInt(paragraph);
        }

        _count++;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        _writer.Write((byte)0);
        _writer.Write(_count);
        _writer.Dispose();
        await _write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _write.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reads every record by identity key.</summary>
    /// <exception cref="InvalidDataException">The file is not a paragraph removal file or is truncated.</exception>
    public static Dictionary<UInt128, ParagraphRemoval> Read(IStorage storage, string path)
    {
        using Stream stream = storage.OpenRead(path);
        using var reader = new BinaryReader(new BufferedStream(stream, 1 << 16), Encoding.UTF8);
        var removals = new Dictionary<UInt128, ParagraphRemoval>();
        long records = 0;
        try
        {
            if (reader.ReadUInt32() != Magic || reader.ReadUInt16() != Version)
            {
                throw new InvalidDataException($"{path}: not a version {Version} paragraph removal file.");
            }

            while (reader.ReadByte() == 1)
            {
                ulong low = reader.ReadUInt64();
                var key = new UInt128(reader.ReadUInt64(), low);
                int paragraphs = reader.Read7BitEncodedInt();
                var removed = new int[reader.Read7BitEncodedInt()];
                for (int i = 0; i < removed.Length; i++)
                {
                    removed[i] = reader.Read7BitEncodedInt();
                }

                // One identity twice (a repeated record) keeps the last: the mix excludes such documents anyway.
                removals[key] = new ParagraphRemoval(paragraphs, removed);
                records++;
            }

            if (reader.ReadInt64() != records)
            {
                throw new InvalidDataException($"{path}: the record count does not match the records.");
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated paragraph removal file.", e);
        }

        return removals;
    }
}
