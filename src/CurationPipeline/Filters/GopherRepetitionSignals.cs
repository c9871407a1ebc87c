namespace CurationPipeline.Filters;

/// <summary>What <see cref="GopherRepetitionFilter"/> measured on one document. Character fractions divide by the text length; all are 0 for empty text.</summary>
/// <param name="TextLength">Length of the text in UTF-16 code units (0 means the document is empty).</param>
/// <param name="DupParaFrac">Repeated paragraphs / paragraphs.</param>
/// <param name="DupParaCharFrac">Characters of repeated paragraphs / text length.</param>
/// <param name="DupLineFrac">Repeated lines / lines.</param>
/// <param name="DupLineCharFrac">Characters of repeated lines / text length.</param>
/// <param name="Top2GramCharFrac">Length × count of the most frequent 2-gram / text length.</param>
/// <param name="Top3GramCharFrac">Same for 3-grams.</param>
/// <param name="Top4GramCharFrac">Same for 4-grams.</param>
/// <param name="Dup5GramCharFrac">Characters of duplicated 5-grams (scan that jumps past each repeat) / text length.</param>
/// <param name="Dup6GramCharFrac">Same for 6-grams.</param>
/// <param name="Dup7GramCharFrac">Same for 7-grams.</param>
/// <param name="Dup8GramCharFrac">Same for 8-grams.</param>
/// <param name="Dup9GramCharFrac">Same for 9-grams.</param>
/// <param name="Dup10GramCharFrac">Same for 10-grams.</param>
public sealed record GopherRepetitionSignals(
    int TextLength,
    double DupParaFrac,
    double DupParaCharFrac,
    double DupLineFrac,
    double DupLineCharFrac,
    double Top2GramCharFrac,
    double Top3GramCharFrac,
    double Top4GramCharFrac,
    double Dup5GramCharFrac,
    double Dup6GramCharFrac,
    double Dup7GramCharFrac,
    double Dup8GramCharFrac,
    double Dup9GramCharFrac,
    double Dup10GramCharFrac);
