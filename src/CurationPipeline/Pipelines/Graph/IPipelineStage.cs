namespace CurationPipeline.Pipelines.Graph;

/// <summary>One CPU stage of the tag pass: takes a live item and returns it advanced, or rejected with a reason.</summary>
/// <remarks>
/// Implementations are thread-safe: the graph calls <see cref="Process"/> from several threads at once. They know nothing
/// about files, blocks or counting; the graph counts in/out/dropped/errors from what they return, and turns an exception
/// into an error counted as <c>{stage}.exception</c>.
/// </remarks>
public interface IPipelineStage
{
    /// <summary>The stage name used in stats and rejects (<c>extract</c>, <c>tokenize</c>, …).</summary>
    string Name { get; }

    /// <summary>Advances <paramref name="item"/> (never called with a rejected item).</summary>
    /// <returns>The advanced item, or the item with <see cref="PipelineItem.Rejection"/> set by this stage.</returns>
    PipelineItem Process(PipelineItem item);
}
