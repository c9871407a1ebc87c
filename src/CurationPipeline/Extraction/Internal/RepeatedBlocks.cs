using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Finds blocks of the selected text that repeat an earlier block word for word. Pages repeat whole blocks for other
/// screen sizes and carousels clone their slides; the style sheets that hide the copies are not read, so without this the text
/// comes out twice. Only blocks that hold other blocks and at least <see cref="MinChars"/> characters count: single paragraphs (a
/// meal plan's "Eat every 2–3 hours", an interview's repeated question) repeat on purpose, and code is never compared.</summary>
/// <remarks>Blocks are first matched on their text and link-text lengths, which costs nothing; only blocks
/// whose lengths match an earlier block's are compared by a 64-bit FNV-1a fingerprint of their non-whitespace text. The
/// fingerprint is fixed (not randomized per process), so the output is the same on every run.</remarks>
internal sealed class RepeatedBlocks : IDomVisitor
{
    /// <summary>The shortest block (normalised text, after cleaning) that is dropped when repeated; 50–100 scored alike on the
    /// tuning half of WCXB dev, 200 and 400 lower.</summary>
    public const int MinChars = 50;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private readonly Dictionary<IElement, NodeInfo> _infos;

    /// <summary>Blocks written so far, by text and link-text length; a fingerprint is computed only once two blocks share them.</summary>
    private readonly Dictionary<(int Text, int LinkText), List<WrittenBlock>> _written = [];

    /// <summary>Fingerprints of the elements being walked, innermost last.</summary>
    private readonly List<ulong> _open = [];

    public RepeatedBlocks(Dictionary<IElement, NodeInfo> infos) => _infos = infos;

    /// <summary>Whether the block <paramref name="element"/> repeats a block already written; when it does not, it counts as
    /// written.</summary>
    public bool IsRepeat(IElement element, NodeInfo? info, ExtractionBudget budget)
    {
        if (info is null || info.TextLength < MinChars || info.BlockCount == 0)
        {
            return false;
        }

        var key = (info.TextLength, info.LinkTextLength);
        if (!_written.TryGetValue(key, out List<WrittenBlock>? sameStatistics))
        {
            _written.Add(key, [new WrittenBlock(element)]);
            return false;
        }

        ulong fingerprint = Fingerprint(element, budget);
        foreach (WrittenBlock earlier in sameStatistics)
        {
            earlier.Fingerprint ??= Fingerprint(earlier.Element, budget);
            if (earlier.Fingerprint == fingerprint)
            {
                return true;
            }
        }

        sameStatistics.Add(new WrittenBlock(element) { Fingerprint = fingerprint });
        return false;
    }

    /// <summary>Hashes the non-whitespace text of the subtree, skipping removed elements, with each element's text hashed apart
    /// and folded into its parent's, so the block structure counts too.</summary>
    private ulong Fingerprint(IElement element, ExtractionBudget budget)
    {
        _open.Add(FnvOffset);
        DomWalker.Walk(element, this, budget);
        ulong fingerprint = _open[^1];
        _open.Clear();
        return fingerprint;
    }

    bool IDomVisitor.Enter(INode node)
    {
        if (node is IText text)
        {
            ulong hash = _open[^1];
            foreach (char c in text.Data)
            {
                if (!char.IsWhiteSpace(c))
                {
                    hash = (hash ^ c) * FnvPrime;
                }
            }

            _open[^1] = hash;
            return false;
        }

        if (node is not IElement element || (_infos.TryGetValue(element, out NodeInfo? info) && info.Removed))
        {
            return false;
        }

        _open.Add(FnvOffset);
        return true;
    }

    void IDomVisitor.Exit(IElement element)
    {
        ulong fingerprint = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        _open[^1] = (_open[^1] ^ fingerprint) * FnvPrime;
    }

    /// <summary>A block already written, with its fingerprint once one was needed.</summary>
    private sealed class WrittenBlock(IElement element)
    {
        public IElement Element { get; } = element;

        public ulong? Fingerprint { get; set; }
    }
}
