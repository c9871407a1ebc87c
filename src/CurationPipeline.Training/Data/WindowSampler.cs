namespace CurationPipeline.Training.Data;

/// <summary>Cuts a token stream into non-overlapping windows of <c>length + 1</c> tokens (stride <c>length</c>) and hands them
/// out in an order that is a pure function of the seed and of a single position counter.</summary>
/// <remarks>
/// Window order within epoch e is a Fisher-Yates shuffle driven by SplitMix64 seeded with (seed, e), so the same seed gives the
/// same order on every machine and .NET version. <see cref="Position"/> counts windows handed out since the start; restoring
/// it (from a checkpoint) restores the exact next window. Not thread-safe.
/// </remarks>
internal sealed class WindowSampler
{
    private readonly ReadOnlyMemory<int> _tokens;
    private readonly int _length;
    private readonly ulong _seed;
    private readonly int[] _order;
    private long _orderEpoch = -1;

    public WindowSampler(ReadOnlyMemory<int> tokens, int length, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        _tokens = tokens;
        _length = length;
        _seed = (ulong)seed;
        long windows = (tokens.Length - 1L) / length;
        if (windows < 1)
        {
            throw new InvalidDataException($"The token stream ({tokens.Length} tokens) is shorter than one window of {length + 1}.");
        }

        _order = new int[windows];
    }

    /// <summary>The number of windows per epoch.</summary>
    public int WindowsPerEpoch => _order.Length;

    /// <summary>Windows handed out so far (the data position a checkpoint records).</summary>
    public long Position { get; set; }

    /// <summary>Writes the next <paramref name="count"/> windows, row after row, into <paramref name="destination"/>.</summary>
    public void Next(int count, Span<long> destination)
    {
        int width = _length + 1;
        if (destination.Length < count * width)
        {
            throw new ArgumentException("Destination too small.", nameof(destination));
        }

        ReadOnlySpan<int> tokens = _tokens.Span;
        for (int row = 0; row < count; row++)
        {
            long epoch = Math.DivRem(Position, _order.Length, out long index);
            EnsureOrder(epoch);
            ReadOnlySpan<int> window = tokens.Slice(_order[index] * _length, width);
            Span<long> target = destination.Slice(row * width, width);
            for (int i = 0; i < width; i++)
            {
                target[i] = window[i];
            }

            Position++;
        }
    }

    private void EnsureOrder(long epoch)
    {
        if (epoch == _orderEpoch)
        {
            return;
        }

        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        ulong state = _seed ^ (0x9E3779B97F4A7C15UL * (ulong)(epoch + 1));
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = (int)(SplitMix64(ref state) % (ulong)(i + 1));
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }

        _orderEpoch = epoch;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
