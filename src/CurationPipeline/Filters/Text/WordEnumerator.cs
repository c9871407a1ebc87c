namespace CurationPipeline.Filters.Text;

/// <summary>Enumerates the tokens of a text by <see cref="WordSplitter"/>'s rules; a <c>ref struct</c> that allocates nothing.</summary>
/// <remarks><see cref="Current"/> is a slice of the input; <see cref="CurrentStart"/> is its offset in the input.</remarks>
public ref struct WordEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;

    /// <summary>Starts an enumeration over <paramref name="text"/>.</summary>
    /// <param name="text">The text to split.</param>
    public WordEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _next = 0;
        Current = default;
        CurrentStart = 0;
    }

    /// <summary>The current token.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>The offset of <see cref="Current"/> in the input.</summary>
    public int CurrentStart { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    /// <returns>This enumerator.</returns>
    public readonly WordEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token.</summary>
    /// <returns><c>true</c> when there is a token; <c>false</c> at the end of the text.</returns>
    public bool MoveNext()
    {
        ReadOnlySpan<char> text = _text;
        int i = _next;
        WordSplitter.CharClass cls = WordSplitter.CharClass.Space;
        int width = 1;
        while (i < text.Length)
        {
            cls = WordSplitter.Classify(text, i, out width);
            if (cls != WordSplitter.CharClass.Space)
            {
                break;
            }

            i += width;
        }

        if (i >= text.Length)
        {
            _next = i;
            Current = default;
            return false;
        }

        int start = i;
        i += width;
        switch (cls)
        {
            case WordSplitter.CharClass.Word:
            case WordSplitter.CharClass.Mark:
                i = ScanWord(text, i);
                break;
            case WordSplitter.CharClass.Isolated:
                i = SkipMarks(text, i);
                break;
            default:
                i = ScanSymbols(text, i);
                break;
        }

        CurrentStart = start;
        Current = text[start..i];
        _next = i;
        return true;
    }

    private static int ScanWord(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            WordSplitter.CharClass cls = WordSplitter.Classify(text, i, out int width);
            if (cls is WordSplitter.CharClass.Word or WordSplitter.CharClass.Mark)
            {
                i += width;
                continue;
            }

            if (cls == WordSplitter.CharClass.Joiner && i + width < text.Length
                && WordSplitter.Classify(text, i + width, out int nextWidth) == WordSplitter.CharClass.Word)
            {
                i += width + nextWidth;
                continue;
            }

            break;
        }

        return i;
    }

    private static int SkipMarks(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && WordSplitter.Classify(text, i, out int width) == WordSplitter.CharClass.Mark)
        {
            i += width;
        }

        return i;
    }

    private static int ScanSymbols(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            WordSplitter.CharClass cls = WordSplitter.Classify(text, i, out int width);
            if (cls is not (WordSplitter.CharClass.Symbol or WordSplitter.CharClass.Joiner))
            {
                break;
            }

            i += width;
        }

        return i;
    }
}
