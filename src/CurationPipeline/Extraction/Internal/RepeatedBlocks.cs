using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Finds blocks of the selected text that repeat an earlier block word for word. Pages repeat whole blocks for other
/// screen sizes and carousels clone their slides; the style sheets that hide the copies are not read, so without this the text
/// comes out twice. Only blocks that hold other blocks and at least <see cref="MinChars"/> characters count: single paragraphs (a
/// meal plan's "Eat every 2–3 hours", an interview's repeated question) repeat on purpose, and code is never compared.</summary>
/// <remarks>Blocks are first matched on their text and link-text lengths, which costs nothing; only blocks
/// whose lengths match an earlier block's are compared by a 64-bit FNV-1a fingerprint of their non-whitespace text. The
/// fingerprint is fixed (not randomized per process), so the output is the same on every run. A wrapper and the block it wraps
/// share their lengths, so every fingerprint met inside a walk is kept and reused by later walks: each subtree is hashed once,
/// not once per wrapper.</remarks>
internal sealed class RepeatedBlocks : IDomVisitor
{
    /// <summary>The shortest block (normalised text, after cleaning) that is dropped when repeated; 50–100 scored alike on the
    /// tuning half of WCXB dev, 200 and 400 lower.</summary>
    public const int MinChars = 50;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private readonly Dictionary<IElement, NodeInfo> _infos;

    /// <summary>Blocks written so far, by text and link-text length; a fingerprint is computed only once two blocks share them.</summary>
    private readonly Dictionary<(int Text, int LinkText), List<IElement>> _written = [];

    /// <summary>Fingerprints of every element hashed so far, the blocks asked about and the elements inside them.</summary>
    private readonly Dictionary<IElement, ulong> _fingerprints = [];

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
        if (!_written.TryGetValue(key, out List<IElement>? sameStatistics))
        {
            _written.Add(key, [element]);
            return false;
        }

        ulong fingerprint = Fingerprint(element, budget);
        foreach (IElement earlier in sameStatistics)
        {
            if (Fingerprint(earlier, budget) == fingerprint)
            {
                return true;
            }
        }

        sameStatistics.Add(element);
        return false;
    }

    /// <summary>Hashes the non-whitespace text of the subtree, skipping removed elements, with each element's text hashed apart
    /// and folded into its parent's, so the block structure counts too.</summary>
    private ulong Fingerprint(IElement element, ExtractionBudget budget)
    {
        if (_fingerprints.TryGetValue(element, out ulong known))
        {
            return known;
        }

        _open.Add(FnvOffset);
        DomWalker.Walk(element, this, budget);
        ulong fingerprint = _open[^1];
        _open.Clear();
        _fingerprints[element] = fingerprint;
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

        if (_fingerprints.TryGetValue(element, out ulong known))
        {
            Fold(known);
            return false;
        }

        _open.Add(FnvOffset);
        return true;
    }

    void IDomVisitor.Exit(IElement element)
    {
        ulong fingerprint = _open[^1];
        _fingerprints[element] = fingerprint;
        _open.RemoveAt(_open.Count - 1);
        Fold(fingerprint);
    }

    /// <summary>Folds a child element's fingerprint into the innermost open element's.</summary>
    private void Fold(ulong child) => _open[^1] = (_open[^1] ^ child) * FnvPrime;
}
