namespace CurationPipeline.Extraction.Internal;

/// <summary>Every strategy's text for one page, with the features <see cref="StrategyChoice"/> saw and what it chose: filled by
/// <see cref="MainContentExtractor"/> on request, read by the bench command that fits the choice.</summary>
internal sealed class StrategyCandidates
{
    public PageFeatures Features { get; set; }

    public ExtractionStrategy Chosen { get; set; }

    /// <summary>The selection, after the inclusive fallback for low confidence.</summary>
    public string Selection { get; set; } = "";

    public string WholeBody { get; set; } = "";
}
