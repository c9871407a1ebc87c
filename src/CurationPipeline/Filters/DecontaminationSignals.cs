namespace CurationPipeline.Filters;

/// <summary>What <see cref="DecontaminationFilter"/> found in one document (columns <c>decontam.matched_ngrams</c>, <c>decontam.benchmark</c>).</summary>
/// <param name="MatchedNgrams">How many of the document's n-gram positions are benchmark n-grams (0 when clean).</param>
/// <param name="Benchmark">The benchmark of the first match, or <c>null</c> when clean.</param>
public sealed record DecontaminationSignals(int MatchedNgrams, string? Benchmark);
