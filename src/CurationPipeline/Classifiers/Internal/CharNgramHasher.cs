using System.Runtime.CompilerServices;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// Enumerates the hashed character n-grams of a text as bucket indexes in [0, 2^bits): every run of <c>min</c>–<c>max</c>
/// consecutive chars of the normalised text, so an obfuscated or inflected word (<c>f*ck</c>, <c>fuuuck</c>, <c>sh1t</c>)
/// shares most of its features with the plain one.
/// </summary>
/// <remarks>
/// Normalised text: lower-cased invariantly, every white-space run one space, framed by a space at both ends (so n-grams at
/// word edges differ from those inside); digits and symbols are kept. The hash of the n chars ending at a position is built
/// back to front, one multiply per char (<c>h = (h ^ c) * FNV prime</c>), salted with <c>n</c> and bucketed by the top bits of
/// murmur3 <c>fmix64</c>, the same space as <see cref="NgramHasher"/>'s word n-grams.
/// </remarks>
internal ref struct CharNgramHasher
{
    /// <summary>Longest char n-gram a model may use.</summary>
    public const int MaxLength = 8;

    private const ulong Prime = 0x100000001B3UL;
    private const ulong LengthSalt = 0x9E3779B97F4A7C15UL;

    private readonly ReadOnlySpan<char> _text;
    private readonly int _shift;
    private readonly int _min;
    private readonly int _max;
    private Ring _ring; // the last _max normalised chars; newest at (_count - 1) % MaxLength
    private int _count; // normalised chars pushed so far
    private int _position;
    private bool _closed;

    public CharNgramHasher(ReadOnlySpan<char> text, int bits, int min, int max)
    {
        _text = text;
        _shift = 64 - bits;
        _min = min;
        _max = max;
    }

    /// <summary>
    /// Writes the buckets of the next chars' n-grams to <paramref name="buckets"/> (at least <see cref="MaxLength"/> long) and
    /// returns how many it wrote; 0 when the text is done.
    /// </summary>
    public int Fill(scoped Span<int> buckets)
    {
        int written = 0;
        while (written + _max <= buckets.Length)
        {
            if (!NextChar(out char c))
            {
                break;
            }

            Push(c);
            written += Emit(buckets[written..]);
        }

        return written;
    }

    private bool NextChar(out char c)
    {
        if (_count == 0)
        {
            c = ' ';
            return true;
        }

        ReadOnlySpan<char> text = _text;
        int i = _position;
        if (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            _position = i;
            if (_ring[(_count - 1) % MaxLength] != ' ')
            {
                c = ' ';
                return true;
            }
        }

        if (i < text.Length)
        {
            _position = i + 1;
            c = char.ToLowerInvariant(text[i]);
            return true;
        }

        if (!_closed)
        {
            _closed = true;
            if (_ring[(_count - 1) % MaxLength] != ' ')
            {
                c = ' ';
                return true;
            }
        }

        c = default;
        return false;
    }

    private void Push(char c)
    {
        _ring[_count % MaxLength] = c;
        _count++;
    }

    /// <summary>Writes the buckets of the n-grams that end at the newest char.</summary>
    private readonly int Emit(Span<int> buckets)
    {
        int available = Math.Min(_max, _count);
        int written = 0;
        ulong h = 0;
        for (int n = 1; n <= available; n++)
        {
            h = (h ^ _ring[(_count - n) % MaxLength]) * Prime;
            if (n >= _min)
            {
                buckets[written++] = NgramHasher.Bucket(h + ((ulong)n * LengthSalt), _shift);
            }
        }

        return written;
    }

    [InlineArray(MaxLength)]
    private struct Ring
    {
        private char _element;
    }
}
