using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// Enumerates the hashed word unigrams and bigrams of a text (DCLM / fastText style) as bucket indexes in [0, 2^bits).
/// </summary>
/// <remarks>
/// A token is a maximal run of letters, digits and <c>_</c> (lower-cased invariantly, every digit mapped to <c>0</c>,
/// at most <see cref="MaxTokenChars"/> chars hashed) or a single other non-white-space char, so code and LaTeX
/// symbols (<c>{ ; $ \</c>) are features too. Each token yields its unigram bucket and, after the first token,
/// the bigram bucket of (previous, current). Token hashes are XxHash64 of the UTF-16 bytes; buckets take the top
/// <c>bits</c> bits of a 64-bit finaliser, so unigrams and bigrams share one space.
/// </remarks>
internal ref struct NgramHasher
{
    /// <summary>Longest prefix of a word that is hashed.</summary>
    public const int MaxTokenChars = 48;

    private const ulong BigramMultiplier = 0x9E3779B97F4A7C15UL;

    private readonly ReadOnlySpan<char> _text;
    private readonly int _shift;
    private int _position;
    private ulong _previous;
    private bool _hasPrevious;
    private int _pendingBigram;

    public NgramHasher(ReadOnlySpan<char> text, int bits)
    {
        _text = text;
        _shift = 64 - bits;
        _pendingBigram = -1;
    }

    /// <summary>The current bucket.</summary>
    public int Current { get; private set; }

    /// <summary>Advances to the next feature.</summary>
    public bool MoveNext()
    {
        if (_pendingBigram >= 0)
        {
            Current = _pendingBigram;
            _pendingBigram = -1;
            return true;
        }

        ReadOnlySpan<char> text = _text;
        int i = _position;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            _position = i;
            return false;
        }

        Span<char> buffer = stackalloc char[MaxTokenChars];
        int length = 0;
        if (IsWordChar(text[i]))
        {
            while (i < text.Length && IsWordChar(text[i]))
            {
                if (length < MaxTokenChars)
                {
                    char c = text[i];
                    buffer[length++] = char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);
                }

                i++;
            }
        }
        else
        {
            buffer[length++] = text[i++];
        }

        _position = i;
        ulong hash = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(buffer[..length]));
        Current = Bucket(hash, _shift);
        if (_hasPrevious)
        {
            _pendingBigram = Bucket((_previous * BigramMultiplier) ^ hash ^ 0x5BD1E995UL, _shift);
        }

        _previous = hash;
        _hasPrevious = true;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The top <c>64 − shift</c> bits of <paramref name="h"/> after murmur3 <c>fmix64</c>, which spreads the bits first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Bucket(ulong h, int shift)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (int)(h >> shift);
    }
}
