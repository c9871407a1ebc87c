using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Iterative pre-order walk with exit events: no recursion, so a deeply nested DOM cannot overflow the stack.</summary>
internal static class DomWalker
{
    /// <summary>Visits the descendants of <paramref name="root"/> (not the root itself).</summary>
    /// <exception cref="ExtractionTimeoutException">The deadline passed during the walk.</exception>
    public static void Walk(INode root, IDomVisitor visitor, ExtractionDeadline deadline)
    {
        INode? node = root.FirstChild;
        INode parent = root;
        while (node is not null)
        {
            deadline.Tick();
            INode? nextSibling = node.NextSibling;
            if (visitor.Enter(node))
            {
                if (node.FirstChild is { } child)
                {
                    parent = node;
                    node = child;
                    continue;
                }

                if (node is IElement leaf)
                {
                    visitor.Exit(leaf);
                }
            }

            node = nextSibling;
            while (node is null && !ReferenceEquals(parent, root))
            {
                visitor.Exit((IElement)parent);
                node = parent.NextSibling;
                parent = parent.Parent!;
            }
        }
    }
}
