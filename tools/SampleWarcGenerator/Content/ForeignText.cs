namespace SampleWarcGenerator.Content;

/// <summary>One hand-written non-English page: language, where it lives, its text and how its encoding is declared.</summary>
internal sealed record ForeignText(
    string Lang,
    string Host,
    string Slug,
    string Encoding,
    CharsetDeclaration Declaration,
    string Title,
    string[] Paragraphs);
