namespace CurationPipeline.Extraction.Internal;

/// <summary>Raised inside the extractor when a page spends its time budget; the facade turns it into <see cref="ExtractionReasons.Timeout"/>.</summary>
internal sealed class ExtractionTimeoutException(TimeSpan elapsed, TimeSpan budget)
    : Exception($"extraction took {elapsed.TotalMilliseconds:F0} ms, over the {budget.TotalMilliseconds:F0} ms budget");
