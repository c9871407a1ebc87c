using System.Buffers;
using System.Text;

namespace CurationPipeline.Dedup.Internal;

/// <summary>The UTF-8 bytes of a normalized text in a pooled buffer; dispose to return it.</summary>
internal readonly ref struct NormalizedUtf8
{
    private readonly byte[] _buffer;
    private readonly int _length;

    private NormalizedUtf8(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The normalized text as UTF-8.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    /// <summary>Normalizes <paramref name="text"/> with <see cref="TextNormalizer"/> and encodes it.</summary>
    public static NormalizedUtf8 Create(ReadOnlySpan<char> text)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, TextNormalizer.GetMaxNormalizedLength(text.Length)));
        try
        {
            int charCount = TextNormalizer.Normalize(text, chars);
            byte[] bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(charCount)));
            int byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, charCount), bytes);
            return new NormalizedUtf8(bytes, byteCount);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
