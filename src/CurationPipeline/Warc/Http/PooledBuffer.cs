using System.Buffers;

namespace CurationPipeline.Warc.Http;

/// <summary>A growable byte buffer rented from <see cref="ArrayPool{T}"/>, with a hard size limit. Dispose returns it.</summary>
internal sealed class PooledBuffer : IDisposable
{
    private readonly int _limit;
    private byte[] _array;

    public PooledBuffer(int initialSize, int limit)
    {
        _limit = limit;
        _array = ArrayPool<byte>.Shared.Rent(Math.Clamp(initialSize, 256, Math.Max(256, limit)));
    }

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Whether a write was refused because it would pass the limit.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The written bytes.</summary>
    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    /// <summary>The written bytes as memory (valid until the next write or <see cref="Dispose"/>).</summary>
    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    /// <summary>Appends <paramref name="data"/>; false (and <see cref="Overflowed"/>) when the limit would be passed.</summary>
    public bool Append(ReadOnlySpan<byte> data)
    {
        if (!Reserve(data.Length))
        {
            return false;
        }

        data.CopyTo(_array.AsSpan(Length));
        Length += data.Length;
        return true;
    }

    /// <summary>Free space of at least <paramref name="hint"/> bytes (fewer near the limit; empty at the limit).</summary>
    public Span<byte> GetSpan(int hint)
    {
        Reserve(Math.Min(hint, _limit - Length));
        return _array.AsSpan(Length, Math.Min(_array.Length, _limit) - Length);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the last <see cref="GetSpan"/> as written.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Flags that more data was available than the limit allows.</summary>
    public void MarkOverflow() => Overflowed = true;

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
    }

    private bool Reserve(int count)
    {
        if ((long)Length + count > _limit)
        {
            Overflowed = true;
            return false;
        }

        if (Length + count > _array.Length)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max((long)_array.Length * 2, (long)Length + count), _limit));
            _array.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }

        return true;
    }
}
