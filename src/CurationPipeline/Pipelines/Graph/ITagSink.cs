namespace CurationPipeline.Pipelines.Graph;

/// <summary>Where the tag pass's items end: annotated and tokenized shards for live documents, rejects for the others.</summary>
/// <remarks>Called from one thread at a time. Disposing without <see cref="CompleteAsync"/> must leave no file under a final name.</remarks>
public interface ITagSink : IAsyncDisposable
{
    /// <summary>Writes one item: a live, tokenized document or a rejection.</summary>
    ValueTask WriteAsync(PipelineItem item, CancellationToken cancellationToken);

    /// <summary>Commits everything written; returns the paths of the committed files.</summary>
    ValueTask<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken);
}
