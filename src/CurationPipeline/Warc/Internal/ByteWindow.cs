using System.Buffers;

namespace CurationPipeline.Warc.Internal;

/// <summary>
/// A sliding, pooled window over a <see cref="DecodedInput"/>: the parser looks ahead with <see cref="Ensure"/> and
/// consumes with <see cref="Advance"/>. Offsets passed in and out are relative to the first unconsumed byte.
/// </summary>
/// <remarks>The window grows only up to its cap, so one record never costs more than the cap in memory.</remarks>
internal sealed class ByteWindow : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private readonly DecodedInput _input;
    private readonly int _cap;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _base;

    public ByteWindow(DecodedInput input, int cap)
    {
        _input = input;
        _cap = cap;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, cap));
    }

    /// <summary>Bytes available without reading more.</summary>
    public int Available => _end - _start;

    /// <summary>Decoded position of the first unconsumed byte.</summary>
    public long Position => _base + _start;

    /// <summary>The available bytes (valid until the next <see cref="Ensure"/> or <see cref="Advance"/>).</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The available bytes as memory over the window's array (same lifetime as <see cref="Span"/>).</summary>
    public ReadOnlyMemory<byte> Slice(int offset, int length) => _buffer.AsMemory(_start + offset, length);

    /// <summary>Reads until at least <paramref name="count"/> bytes (at most the cap) are available; false at end of input or a break.</summary>
    public bool Ensure(int count)
    {
        count = Math.Min(count, _cap);
        while (_end - _start < count)
        {
            if (_input.AtBreak)
            {
                return false;
            }

            MakeRoom(count);
            int read = _input.Read(_buffer.AsSpan(_end));
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    /// <summary>Reads one more chunk if possible; false at end of input or a break.</summary>
    public bool More() => Available < _cap && Ensure(Available + 1);

    /// <summary>Consumes <paramref name="count"/> available bytes.</summary>
    public void Advance(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _base += _start;
            _start = _end = 0;
        }

        _input.Release(Position);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void MakeRoom(int count)
    {
        if (_buffer.Length - _end > 0 && _buffer.Length - _start >= count)
        {
            return;
        }

        int live = _end - _start;
        byte[] target = _buffer;
        if (live + Math.Max(count - live, 1) > _buffer.Length || _buffer.Length - live < 4096)
        {
            int size = (int)Math.Min(Math.Max((long)_buffer.Length * 2, count + 4096L), _cap + 4096L);
            if (size > _buffer.Length)
            {
                target = ArrayPool<byte>.Shared.Rent(size);
            }
        }

        _buffer.AsSpan(_start, live).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _base += _start;
        _start = 0;
        _end = live;
    }
}
