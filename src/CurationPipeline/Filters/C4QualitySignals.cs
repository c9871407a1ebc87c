namespace CurationPipeline.Filters;

/// <summary>What <see cref="C4QualityFilter"/> found in one document, and the text left after its line filtering.</summary>
/// <param name="LineCount">Lines by Python's <c>splitlines()</c>.</param>
/// <param name="KeptLineCount">Lines that survived every line rule.</param>
/// <param name="SentenceCount">Sentences in the kept lines.</param>
/// <param name="TooLongWordLines">Lines dropped for a word longer than the maximum.</param>
/// <param name="NoTerminalPunctLines">Lines dropped for missing terminal punctuation.</param>
/// <param name="TooFewWordsLines">Lines dropped for too few words.</param>
/// <param name="JavascriptLines">Lines dropped for mentioning "javascript".</param>
/// <param name="PolicyLines">Lines dropped for a cookie or terms-of-use phrase.</param>
/// <param name="LoremIpsumLine">Index of the first line that reached the "lorem ipsum" check and matched it, or -1.</param>
/// <param name="CurlyBracketLine">Index of the first line that reached the <c>{</c> check and matched it, or -1.</param>
/// <param name="FilteredText">The kept lines joined by <c>\n</c> and trimmed: the text the document continues with. Not a column.</param>
public sealed record C4QualitySignals(
    int LineCount,
    int KeptLineCount,
    int SentenceCount,
    int TooLongWordLines,
    int NoTerminalPunctLines,
    int TooFewWordsLines,
    int JavascriptLines,
    int PolicyLines,
    int LoremIpsumLine,
    int CurlyBracketLine,
    [property: NotASignal] string FilteredText);
