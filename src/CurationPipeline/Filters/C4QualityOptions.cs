namespace CurationPipeline.Filters;

/// <summary>Rules of <see cref="C4QualityFilter"/> (C4 / TFDS <c>c4_utils</c> as datatrove implements them).</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="RemoveCitations"/></term><description><c>true</c>: strip <c>[1]</c>, <c>[edit]</c>, <c>[citation needed]</c> from lines</description></item>
/// <item><term><see cref="FilterNoTerminalPunct"/></term><description><c>true</c>: drop lines not ending in <c>. ? ! " '</c>, or ending in <c>...</c> (FineWeb sets <c>false</c>)</description></item>
/// <item><term><see cref="MinSentences"/></term><description>5: drop the document with fewer sentences after line filtering</description></item>
/// <item><term><see cref="MinWordsPerLine"/></term><description>3: drop lines with fewer white-space separated words</description></item>
/// <item><term><see cref="MaxWordLength"/></term><description>1000: drop lines with a longer word</description></item>
/// <item><term><see cref="FilterLoremIpsum"/></term><description><c>true</c>: drop the document if a line mentions "lorem ipsum"</description></item>
/// <item><term><see cref="FilterJavascript"/></term><description><c>true</c>: drop lines mentioning "javascript"</description></item>
/// <item><term><see cref="FilterCurlyBracket"/></term><description><c>true</c>: drop the document if a line contains <c>{</c></description></item>
/// <item><term><see cref="FilterPolicy"/></term><description><c>true</c>: drop lines with "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"</description></item>
/// </list>
/// <c>null</c> disables a numeric rule (datatrove's <c>-1</c>).
/// </remarks>
public sealed record C4QualityOptions
{
    /// <summary>Whether Wikipedia-style citations are removed from each line.</summary>
    public bool RemoveCitations { get; init; } = true;

    /// <summary>Whether lines without terminal punctuation are dropped.</summary>
    public bool FilterNoTerminalPunct { get; init; } = true;

    /// <summary>Minimum number of sentences in the kept lines.</summary>
    public int? MinSentences { get; init; } = 5;

    /// <summary>Minimum number of words in a kept line.</summary>
    public int? MinWordsPerLine { get; init; } = 3;

    /// <summary>Longest word (UTF-16 code units) a kept line may contain.</summary>
    public int? MaxWordLength { get; init; } = 1000;

    /// <summary>Whether a "lorem ipsum" line drops the document.</summary>
    public bool FilterLoremIpsum { get; init; } = true;

    /// <summary>Whether lines mentioning "javascript" are dropped.</summary>
    public bool FilterJavascript { get; init; } = true;

    /// <summary>Whether a line with <c>{</c> drops the document.</summary>
    public bool FilterCurlyBracket { get; init; } = true;

    /// <summary>Whether lines with cookie and terms-of-use phrases are dropped.</summary>
    public bool FilterPolicy { get; init; } = true;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinSentences ?? 0, nameof(MinSentences));
        ArgumentOutOfRangeException.ThrowIfNegative(MinWordsPerLine ?? 0, nameof(MinWordsPerLine));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxWordLength ?? 0, nameof(MaxWordLength));
    }
}
