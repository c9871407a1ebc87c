using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Callbacks for <see cref="DomWalker"/>.</summary>
internal interface IDomVisitor
{
    /// <summary>Called for each node in document order; returns <c>false</c> to skip its subtree (and its <see cref="Exit"/>).
    /// The visitor may remove the node from the tree when it returns <c>false</c>.</summary>
    bool Enter(INode node);

    /// <summary>Called after the subtree of an element whose <see cref="Enter"/> returned <c>true</c>.</summary>
    void Exit(IElement element);
}
