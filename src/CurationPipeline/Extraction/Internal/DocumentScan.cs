using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>One walk over the parsed document that counts its nodes (stopping early once a limit is passed) and collects what
/// <see cref="PageMetadata"/> reads: the <c>&lt;meta&gt;</c> elements and the JSON-LD scripts (instead of a tree search for each).</summary>
internal sealed class DocumentScan(int limit) : IDomVisitor
{
    public int Count { get; private set; }

    public bool OverLimit => Count > limit;

    /// <summary>The <c>&lt;meta&gt;</c> elements in document order.</summary>
    public List<IElement> Metas { get; } = [];

    /// <summary>The <c>&lt;script type="application/ld+json"&gt;</c> elements in document order.</summary>
    public List<IElement> JsonLdScripts { get; } = [];

    public bool Enter(INode node)
    {
        Count++;
        if (node is IElement element)
        {
            switch (element.LocalName)
            {
                case "meta":
                    Metas.Add(element);
                    break;
                case "script" when string.Equals(element.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                    JsonLdScripts.Add(element);
                    break;
            }
        }

        return Count <= limit;
    }

    public void Exit(IElement element)
    {
    }
}
