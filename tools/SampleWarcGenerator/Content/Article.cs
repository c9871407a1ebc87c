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

    /// <summary>The main text as an extractor should ideally return it: title, lede, then each section.</summary>
    public string ToPlainText()
    {
        var text = new System.Text.StringBuilder(4096);
        text.Append(Title).Append("\n\n").Append(Lede);
        foreach (ArticleSection section in Sections)
        {
            text.Append("\n\n").Append(section.Heading);
            foreach (string paragraph in section.Paragraphs)
            {
                text.Append("\n\n").Append(paragraph);
            }

            foreach (string item in section.Bullets)
            {
                text.Append("\n- ").Append(item);
            }
        }

        return text.ToString();
    }
}
