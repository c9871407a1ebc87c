namespace CurationPipeline.Pipelines.Graph;

/// <summary>
/// A stage that is cheaper per document in batches (a model run over many documents in one call): the graph collects up to
/// <see cref="StageResources.BatchSize"/> live items and calls <see cref="ProcessBatch"/> once for them.
/// </summary>
/// <remarks>
/// Which documents share a batch follows thread timing, so a batch stage's result for a document must not depend on the other
/// documents in its batch: the outputs stay byte-identical between runs. When <see cref="ProcessBatch"/> throws, the graph
/// runs <see cref="IPipelineStage.Process"/> on each item of the batch instead, so one bad document costs only itself.
/// </remarks>
public interface IBatchPipelineStage : IPipelineStage
{
    /// <summary>What the stage asks of the graph.</summary>
    StageResources Resources { get; }

    /// <summary>Advances every item of <paramref name="items"/> (none of them rejected), writing each result at its index.</summary>
    /// <param name="items">The live items of one batch.</param>
    /// <param name="results">Receives one result per item, in the same order.</param>
    void ProcessBatch(ReadOnlySpan<PipelineItem> items, Span<PipelineItem> results);
}
