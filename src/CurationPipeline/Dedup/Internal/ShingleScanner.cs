namespace CurationPipeline.Dedup.Internal;

/// <summary>Walks the shingles of a normalized UTF-8 text without allocating: each shingle is a slice of the input.</summary>
/// <remarks>
/// Normalized text has single spaces between words, so a word n-gram is the byte range from the start of its first word
/// to the end of its last. A character n-gram is the range of n consecutive scalar values. A text with fewer than n units
/// (including the empty text) is a single shingle: the whole text.
/// </remarks>
internal ref struct ShingleScanner
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly bool _words;
    private readonly Span<int> _starts;
    private int _position;
    private int _units;
    private bool _emittedWhole;

    /// <param name="text">Normalized UTF-8 text.</param>
    /// <param name="kind">Word or character shingles.</param>
    /// <param name="startsRing">Scratch of at least the shingle size; holds the start offsets of the last units.</param>
    public ShingleScanner(ReadOnlySpan<byte> text, ShingleKind kind, Span<int> startsRing)
    {
        _text = text;
        _words = kind == ShingleKind.Word;
        _starts = startsRing;
        _position = 0;
        _units = 0;
        _emittedWhole = false;
    }

    /// <summary>Moves to the next shingle; <c>false</c> at the end.</summary>
    public bool MoveNext(out ReadOnlySpan<byte> shingle)
    {
        int n = _starts.Length;
        while (_position < _text.Length)
        {
            int start = _position;
            int end = _words ? WordEnd(start) : ScalarEnd(start);
            _position = _words ? end + 1 : end;
            _starts[_units % n] = start;
            _units++;
            if (_units >= n)
            {
                int first = _starts[(_units - n) % n];
                shingle = _text[first..end];
                return true;
            }
        }

        if (_units < n && !_emittedWhole)
        {
            _emittedWhole = true;
            shingle = _text;
            return true;
        }

        shingle = default;
        return false;
    }

    private readonly int WordEnd(int start)
    {
        int space = _text[start..].IndexOf((byte)' ');
        return space < 0 ? _text.Length : start + space;
    }

    private readonly int ScalarEnd(int start)
    {
        int end = start + 1;
        while (end < _text.Length && (_text[end] & 0xC0) == 0x80)
        {
            end++;
        }

        return end;
    }
}
