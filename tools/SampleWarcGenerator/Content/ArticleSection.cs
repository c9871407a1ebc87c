namespace SampleWarcGenerator.Content;

/// <summary>One headed section of an <see cref="Article"/>; <see cref="Bullets"/> and <see cref="Table"/> may be empty.</summary>
internal sealed record ArticleSection(
    string Heading,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Bullets,
    IReadOnlyList<string[]> Table);
