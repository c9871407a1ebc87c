namespace CurationPipeline.Extraction.Internal;

/// <summary>Raised inside the extractor when a page spends its step budget; the facade turns it into <see cref="ExtractionReasons.TooComplex"/>.</summary>
internal sealed class ExtractionBudgetExceededException(long maxSteps)
    : Exception($"the extractor's walks needed more than {maxSteps} steps");
