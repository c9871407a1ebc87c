using System.Buffers;

namespace CurationPipeline.Embeddings.Internal;

/// <summary>A padded <c>[count, sequenceLength]</c> block of token ids and its attention mask, ready for the model.</summary>
/// <remarks>Owns two pooled arrays; <see cref="Dispose"/> returns them. Right-padded: row <c>i</c> is real for its first <c>Lengths[i]</c> positions.</remarks>
internal sealed class TokenBatch : IDisposable
{
    private long[]? _ids;
    private long[]? _mask;

    /// <summary>Packs <paramref name="rows"/>, padding each to the longest with <paramref name="paddingId"/>.</summary>
    public TokenBatch(IReadOnlyList<List<int>> rows, int paddingId)
    {
        Count = rows.Count;
        Lengths = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            Lengths[i] = rows[i].Count;
            SequenceLength = Math.Max(SequenceLength, rows[i].Count);
        }

        int size = Count * SequenceLength;
        _ids = ArrayPool<long>.Shared.Rent(size);
        _mask = ArrayPool<long>.Shared.Rent(size);
        for (int i = 0; i < Count; i++)
        {
            Span<long> ids = _ids.AsSpan(i * SequenceLength, SequenceLength);
            Span<long> mask = _mask.AsSpan(i * SequenceLength, SequenceLength);
            List<int> row = rows[i];
            for (int j = 0; j < row.Count; j++)
            {
                ids[j] = row[j];
            }

            ids[row.Count..].Fill(paddingId);
            mask[..row.Count].Fill(1);
            mask[row.Count..].Clear();
        }
    }

    /// <summary>Rows in the batch.</summary>
    public int Count { get; }

    /// <summary>Padded length of every row.</summary>
    public int SequenceLength { get; }

    /// <summary>Real (unpadded) length of each row.</summary>
    public int[] Lengths { get; }

    /// <summary>Token ids, row-major, <c>Count × SequenceLength</c>.</summary>
    public Memory<long> Ids => _ids.AsMemory(0, Count * SequenceLength);

    /// <summary>Attention mask (1 real, 0 padding), same layout as <see cref="Ids"/>.</summary>
    public Memory<long> Mask => _mask.AsMemory(0, Count * SequenceLength);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ids is not null)
        {
            ArrayPool<long>.Shared.Return(_ids);
            ArrayPool<long>.Shared.Return(_mask!);
            _ids = null;
            _mask = null;
        }
    }
}
