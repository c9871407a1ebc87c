using System.Buffers;

namespace CurationPipeline.Documents;

/// <summary>
/// The content of a <see cref="RawDocument"/>: a string, or chars rented from an <see cref="ArrayPool{T}"/> (decoded WARC bodies)
/// that <see cref="Dispose"/> returns, so reading a page does not allocate its text.
/// </summary>
/// <remarks>
/// Ownership follows the pipeline's rule for pooled buffers: the stage that consumes the document (extraction) disposes the content
/// once nothing reads it any more. After <see cref="Dispose"/>, <see cref="Memory"/>, <see cref="Span"/> and <see cref="ToString"/>
/// throw <see cref="ObjectDisposedException"/>; memory taken from them before must not be used after it (the array may already
/// hold another page). Dispose is idempotent and thread-safe, so an array is returned once even when copies of the document
/// (<c>with</c>) share the content. Content that is never disposed is reclaimed by the GC instead of the pool.
/// </remarks>
public sealed class RawContent : IDisposable
{
    private readonly string? _string;
    private readonly ArrayPool<char>? _pool;
    private char[]? _array;

    private RawContent(string? text, char[]? array, int length, ArrayPool<char>? pool)
    {
        _string = text;
        _array = array;
        _pool = pool;
        Length = length;
    }

    /// <summary>The number of chars.</summary>
    public int Length { get; }

    /// <summary>Whether the chars live in a rented array that <see cref="Dispose"/> returns.</summary>
    public bool IsPooled => _pool is not null;

    /// <summary>The chars.</summary>
    /// <exception cref="ObjectDisposedException">The content was disposed.</exception>
    public ReadOnlyMemory<char> Memory => _string?.AsMemory() ?? Volatile.Read(ref _array)?.AsMemory(0, Length) ?? throw Disposed();

    /// <summary>The chars.</summary>
    /// <exception cref="ObjectDisposedException">The content was disposed.</exception>
    public ReadOnlySpan<char> Span => Memory.Span;

    /// <summary>Wraps a string (nothing to return).</summary>
    /// <param name="text">The content.</param>
    /// <returns>The content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static RawContent FromString(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null, text.Length, null);

    /// <summary>Wraps a string (nothing to return).</summary>
    /// <param name="text">The content.</param>
    public static implicit operator RawContent(string text) => FromString(text);

    /// <summary>Takes ownership of the first <paramref name="length"/> chars of <paramref name="array"/>, rented from
    /// <paramref name="pool"/>; <see cref="Dispose"/> returns it there.</summary>
    internal static RawContent Rented(char[] array, int length, ArrayPool<char> pool) => new(null, array, length, pool);

    /// <summary>The chars as a string: the wrapped string itself, or a copy of pooled chars.</summary>
    /// <returns>The content.</returns>
    /// <exception cref="ObjectDisposedException">The content was disposed.</exception>
    public override string ToString() => _string ?? new string(Span);

    /// <summary>Returns a rented array to its pool (once); nothing for a string.</summary>
    public void Dispose()
    {
        if (_pool is not null && Interlocked.Exchange(ref _array, null) is { } array)
        {
            _pool.Return(array);
        }
    }

    private static ObjectDisposedException Disposed() => new(nameof(RawContent), "The content was disposed: its pooled chars were returned.");
}
