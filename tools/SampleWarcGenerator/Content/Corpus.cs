namespace SampleWarcGenerator.Content;

/// <summary>Everything the sample contains, before ordering and framing.</summary>
/// <param name="Primary">Captures of distinct pages.</param>
/// <param name="Duplicates">Exact and near duplicates; each has <see cref="Capture.DuplicateOf"/> set.</param>
/// <param name="Revisited">Primary captures that get a later <c>revisit</c> record (identical payload).</param>
/// <param name="Articles">The English articles with their URLs, in creation order (source of the JSON Lines sample).</param>
internal sealed record Corpus(
    IReadOnlyList<Capture> Primary,
    IReadOnlyList<Capture> Duplicates,
    IReadOnlyList<Capture> Revisited,
    IReadOnlyList<KeyValuePair<string, Article>> Articles);
