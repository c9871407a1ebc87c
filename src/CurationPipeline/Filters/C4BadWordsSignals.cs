namespace CurationPipeline.Filters;

/// <summary>What <see cref="C4BadWordsFilter"/> found in one document.</summary>
/// <param name="BadWordMatches">Occurrences of listed words or phrases (case-insensitive, at word boundaries unless configured otherwise).</param>
public sealed record C4BadWordsSignals(int BadWordMatches);
