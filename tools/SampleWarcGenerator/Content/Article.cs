namespace SampleWarcGenerator.Content;

/// <summary>The site-independent content of one English article; a site template turns it into HTML.</summary>
internal sealed record Article
{
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required string Section { get; init; }
    public required string Author { get; init; }
    public required DateOnly Published { get; init; }
    public required string Lede { get; init; }
    public required IReadOnlyList<ArticleSection> Sections { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Comments { get; init; }
}
