namespace CurationPipeline.Documents;

/// <summary>How a signal is stored: a number (a Parquet double column) or a string.</summary>
public enum SignalKind
{
    /// <summary>Counts, ratios, scores and flags (1/0), stored as doubles.</summary>
    Number,

    /// <summary>Labels such as a language code.</summary>
    Text,
}
