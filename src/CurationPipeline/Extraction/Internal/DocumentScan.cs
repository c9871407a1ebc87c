using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>One walk over the parsed document that counts its nodes (stopping early once a limit is passed) and collects what
/// <see cref="PageMetadata"/> reads: the <c>&lt;meta&gt;</c> elements, the JSON-LD scripts and the microdata item types (instead of a tree search for each).</summary>
internal sealed class DocumentScan(int limit) : IDomVisitor
{
    public int Count { get; private set; }

    public bool OverLimit => Count > limit;

    /// <summary>The <c>&lt;meta&gt;</c> elements in document order.</summary>
    public List<IElement> Metas { get; } = [];

    /// <summary>The text of each <c>&lt;script type="application/ld+json"&gt;</c> element in document order (read once: several
    /// declarations are looked up in it).</summary>
    public List<string> JsonLdTexts { get; } = [];

    /// <summary>The distinct microdata <c>itemtype</c> values, in order of first use.</summary>
    public List<string> ItemTypes { get; } = [];

    public bool Enter(INode node)
    {
        Count++;
        if (node is IElement element)
        {
            if (element.GetAttribute("itemtype") is { Length: > 0 } itemType && !ItemTypes.Contains(itemType))
            {
                ItemTypes.Add(itemType);
            }

            switch (element.LocalName)
            {
                case "meta":
                    Metas.Add(element);
                    break;
                case "script" when string.Equals(element.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase):
                    JsonLdTexts.Add(element.TextContent);
                    break;
            }
        }

        return Count <= limit;
    }

    public void Exit(IElement element)
    {
    }
}
