using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Iterative pre-order walk with exit events: no recursion, so a deeply nested DOM cannot overflow the stack.</summary>
/// <remarks>Children are reached by index into <see cref="INode.ChildNodes"/>: AngleSharp's <see cref="INode.NextSibling"/> costs time
/// that grows with nesting depth, which made deeply nested tables quadratic.</remarks>
internal static class DomWalker
{
    /// <summary>Visits the descendants of <paramref name="root"/> (not the root itself).</summary>
    /// <exception cref="ExtractionBudgetExceededException">The step budget ran out during the walk.</exception>
    public static void Walk(INode root, IDomVisitor visitor, ExtractionBudget budget)
    {
        var resume = new List<int>();
        INode parent = root;
        int index = 0;
        while (true)
        {
            INodeList children = parent.ChildNodes;
            if (index < children.Length)
            {
                budget.Tick();
                INode node = children[index];
                if (visitor.Enter(node))
                {
                    if (node.HasChildNodes)
                    {
                        resume.Add(index + 1);
                        parent = node;
                        index = 0;
                        continue;
                    }

                    if (node is IElement leaf)
                    {
                        visitor.Exit(leaf);
                    }
                }

                // A visitor that removed the node leaves its next sibling at the same index.
                if (index < children.Length && ReferenceEquals(children[index], node))
                {
                    index++;
                }

                continue;
            }

            if (resume.Count == 0)
            {
                return;
            }

            visitor.Exit((IElement)parent);
            parent = parent.Parent!;
            index = resume[^1];
            resume.RemoveAt(resume.Count - 1);
        }
    }
}
