using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Counts the nodes of a document, stopping early once a limit is passed.</summary>
internal sealed class NodeCounter(int limit) : IDomVisitor
{
    public int Count { get; private set; }

    public bool OverLimit => Count > limit;

    public bool Enter(INode node)
    {
        Count++;
        return Count <= limit;
    }

    public void Exit(IElement element)
    {
    }
}
