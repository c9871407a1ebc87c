using System.Buffers;
using System.Buffers.Binary;
using CurationPipeline.Storage;

namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// Writes one Megatron-LM indexed dataset (<c>megatron/core/datasets/indexed_dataset.py</c>): <c>{prefix}.bin</c> holds every
/// document's tokens back to back (its trailing end-of-document id included, as <c>preprocess_data.py --append-eod</c> writes),
/// uint16 LE when the vocabulary fits in 2^16, otherwise int32 LE; <c>{prefix}.idx</c> holds the header <c>MMIDIDX\0\0</c>,
/// version 1 (u64), the dtype code (u8: 8 = uint16, 4 = int32), the sequence count and the document-index count (u64 each),
/// then the sequence lengths (int32), the sequence byte offsets into the <c>.bin</c> (int64) and the document indices (int64,
/// <c>0, 1, …, n</c>: one sequence per document).
/// </summary>
/// <remarks>
/// The <c>.bin</c> is published first and the <c>.idx</c> last, so an index never names a missing data file. Nothing is written
/// for a split without documents. Memory: 4 bytes per document (its length) until <see cref="CompleteAsync"/>.
/// </remarks>
internal sealed class MegatronIndexedWriter : ITokenFileWriter
{
    /// <summary>The dtype code of uint16 tokens.</summary>
    public const byte UInt16Code = 8;

    /// <summary>The dtype code of int32 tokens.</summary>
    public const byte Int32Code = 4;

    private const int ChunkBytes = 1 << 16;
    private static ReadOnlySpan<byte> IndexHeader => "MMIDIDX\0\0"u8;

    private readonly IStorage _storage;
    private readonly string _binPath;
    private readonly string _idxPath;
    private readonly bool _wide;
    private readonly List<int> _lengths = [];
    private readonly List<string> _committed = [];
    private AtomicWrite? _bin;

    public MegatronIndexedWriter(IStorage storage, string directory, string prefix, int vocabularySize)
    {
        _storage = storage;
        _binPath = storage.Combine(directory, prefix + ".bin");
        _idxPath = storage.Combine(directory, prefix + ".idx");
        _wide = vocabularySize > ushort.MaxValue + 1;
    }

    public IReadOnlyList<string> Committed => _committed;

    private int Width => _wide ? sizeof(int) : sizeof(ushort);

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ReadOnlyMemory<int> inputIds, CancellationToken cancellationToken)
    {
        _bin ??= _storage.CreateAtomic(_binPath);
        int bytes = inputIds.Length * Width;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bytes);
        try
        {
            ReadOnlySpan<int> ids = inputIds.Span;
            for (int i = 0; i < ids.Length; i++)
            {
                if (_wide)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(i * sizeof(int)), ids[i]);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(i * sizeof(ushort)), checked((ushort)ids[i]));
                }
            }

            await _bin.Stream.WriteAsync(buffer.AsMemory(0, bytes), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _lengths.Add(inputIds.Length);
    }

    /// <inheritdoc/>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_bin is null)
        {
            return;
        }

        AtomicWrite bin = _bin;
        _bin = null;
        await using (bin.ConfigureAwait(false))
        {
            await bin.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _committed.Add(bin.Path);
        await using (AtomicWrite idx = _storage.CreateAtomic(_idxPath))
        {
            await WriteIndexAsync(idx.Stream, cancellationToken).ConfigureAwait(false);
            await idx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _committed.Add(_idxPath);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bin is not null)
        {
            await _bin.DisposeAsync().ConfigureAwait(false);
            _bin = null;
        }
    }

    private async Task WriteIndexAsync(Stream stream, CancellationToken cancellationToken)
    {
        int count = _lengths.Count;
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int used = IndexHeader.Length;
            IndexHeader.CopyTo(chunk);
            BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(used), 1); // version
            chunk[used + 8] = _wide ? Int32Code : UInt16Code;
            BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(used + 9), (ulong)count); // sequences
            BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(used + 17), (ulong)count + 1); // document indices
            used += 25;

            for (int i = 0; i < count; i++)
            {
                used = await ReserveAsync(stream, chunk, used, sizeof(int), cancellationToken).ConfigureAwait(false);
                BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(used), _lengths[i]);
                used += sizeof(int);
            }

            long pointer = 0;
            for (int i = 0; i < count; i++)
            {
                used = await ReserveAsync(stream, chunk, used, sizeof(long), cancellationToken).ConfigureAwait(false);
                BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(used), pointer);
                used += sizeof(long);
                pointer += (long)_lengths[i] * Width;
            }

            for (int i = 0; i <= count; i++)
            {
                used = await ReserveAsync(stream, chunk, used, sizeof(long), cancellationToken).ConfigureAwait(false);
                BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(used), i);
                used += sizeof(long);
            }

            await stream.WriteAsync(chunk.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Flushes <paramref name="chunk"/> when fewer than <paramref name="bytes"/> bytes are left; returns the bytes in use.</summary>
    private static async ValueTask<int> ReserveAsync(Stream stream, byte[] chunk, int used, int bytes, CancellationToken cancellationToken)
    {
        if (used + bytes <= ChunkBytes)
        {
            return used;
        }

        await stream.WriteAsync(chunk.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
