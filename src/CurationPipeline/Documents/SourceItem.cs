namespace CurationPipeline.Documents;

/// <summary>One item from an input source: a document, or a rejection with its reason.</summary>
public readonly record struct SourceItem
{
    private SourceItem(RawDocument? document, Rejection? rejection)
    {
        Document = document;
        Rejection = rejection;
    }

    /// <summary>The document, or <c>null</c> when this item is a rejection.</summary>
    public RawDocument? Document { get; }

    /// <summary>The rejection, or <c>null</c> when this item is a document.</summary>
    public Rejection? Rejection { get; }

    /// <summary>Wraps a document.</summary>
    public static SourceItem Of(RawDocument document) => new(document ?? throw new ArgumentNullException(nameof(document)), null);

    /// <summary>Wraps a rejection.</summary>
    public static SourceItem Of(Rejection rejection) => new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));
}
