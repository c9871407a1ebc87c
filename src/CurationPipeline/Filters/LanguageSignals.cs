namespace CurationPipeline.Filters;

/// <summary>The detected language of one document.</summary>
/// <param name="Language">ISO 639-1 code of the most likely language, or <see cref="LanguageIdentifier.Unknown"/>.</param>
/// <param name="Score">The detector's confidence in <paramref name="Language"/>, in [0, 1] (0 for unknown).</param>
public sealed record LanguageSignals(string Language, double Score);
