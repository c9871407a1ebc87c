namespace CurationPipeline.Documents;

/// <summary>What the content of a <see cref="RawDocument"/> is, which decides whether it needs extraction.</summary>
public enum ContentKind
{
    /// <summary>An HTML page (decoded to a string); it goes through main-content extraction.</summary>
    Html,

    /// <summary>Already extracted plain text (WET conversion records, JSON Lines, Parquet); it skips extraction.</summary>
    Text,
}
