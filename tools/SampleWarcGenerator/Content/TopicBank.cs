namespace SampleWarcGenerator.Content;

/// <summary>
/// Hand-written English sentence templates for one subject area. Templates use the slots {actor}, {place}, {thing},
/// {n}, {pct}, {month} and {year}; <see cref="TextFiller"/> fills them from the lists here.
/// </summary>
internal sealed record TopicBank
{
    public required string Section { get; init; }
    public required string[] Titles { get; init; }
    public required string[] Headings { get; init; }
    public required string[] Sentences { get; init; }
    public required string[] ListItems { get; init; }
    public required string[] TableHeader { get; init; }
    public required string[] Actors { get; init; }
    public required string[] Places { get; init; }
    public required string[] Things { get; init; }
}
