using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;

namespace CurationPipeline.Filters.Internal;

/// <summary>
/// The word n-grams of a text after <see cref="TextNormalizer"/> (datatrove's <c>simplify_text</c>), as UTF-8 slices of the
/// normalized text (words joined by one space, as datatrove hashes <c>" ".join(ngram)</c>). A text of fewer than n words has
/// none. The normalized text is pooled: dispose to return it.
/// </summary>
internal ref struct WordNGrams
{
    private readonly NormalizedUtf8 _text;
    private readonly bool _enoughWords;
    private ShingleScanner _scanner;

    /// <param name="text">The raw text.</param>
    /// <param name="startsRing">Scratch of exactly n ints (n = the n-gram length).</param>
    public WordNGrams(ReadOnlySpan<char> text, Span<int> startsRing)
    {
        _text = NormalizedUtf8.Create(text);
        ReadOnlySpan<byte> bytes = _text.Bytes;
        _enoughWords = !bytes.IsEmpty && bytes.Count((byte)' ') + 1 >= startsRing.Length;
        _scanner = new ShingleScanner(bytes, ShingleKind.Word, startsRing);
    }

    /// <summary>Moves to the next n-gram; <c>false</c> at the end.</summary>
    public bool MoveNext(out ReadOnlySpan<byte> ngram)
    {
        if (_enoughWords)
        {
            return _scanner.MoveNext(out ngram);
        }

        ngram = default;
        return false;
    }

    public readonly void Dispose() => _text.Dispose();
}
