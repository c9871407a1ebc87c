using CurationPipeline.Dedup;
using CurationPipeline.Documents;

namespace CurationPipeline.Pipelines.Graph;

/// <summary>What flows between the blocks of the tag pass: a document at some stage, or the rejection that ended it.</summary>
/// <remarks>
/// A rejected item keeps flowing to the sink, which writes it to <c>rejects/</c>; stages pass rejected items through untouched.
/// That keeps one path through the graph, so completion and counting need no side channels.
/// </remarks>
public sealed record PipelineItem
{
    /// <summary>The document as the input source produced it.</summary>
    public RawDocument? Raw { get; init; }

    /// <summary>The document after extraction, with every annotation computed so far.</summary>
    public AnnotatedDocument? Annotated { get; init; }

    /// <summary>The token ids of <see cref="AnnotatedDocument.Text"/>, ending with the end-of-document token.</summary>
    public int[]? TokenIds { get; init; }

    /// <summary>The exact hash and MinHash band hashes of the text, for the global dedup pass.</summary>
    public DocumentSignature? Signature { get; init; }

    /// <summary>Why the item left the pipeline, or <c>null</c> while it is alive.</summary>
    public Rejection? Rejection { get; init; }

    /// <summary>The item's id for logs and rejects, whatever stage it reached.</summary>
    public string? Id => Annotated?.Id ?? Raw?.Id ?? Rejection?.Id;

    /// <summary>The item's URL, whatever stage it reached.</summary>
    public string? Url => Annotated?.Url ?? Raw?.Url ?? Rejection?.Url;

    /// <summary>Ends this item's journey with a rejection that carries its id and URL.</summary>
    /// <param name="stage">The rejecting stage.</param>
    /// <param name="reason">A stable reason code.</param>
    /// <param name="isError">Whether this is an error (damage, failure) rather than a rule's drop.</param>
    /// <param name="detail">Free text for a human.</param>
    public PipelineItem Reject(string stage, string reason, bool isError, string? detail = null) =>
        this with { Rejection = new Rejection(Id, Url, stage, reason, isError, detail) };
}
