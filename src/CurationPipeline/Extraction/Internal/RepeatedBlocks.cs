using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Finds blocks of the selected text that repeat an earlier block word for word. Pages repeat whole blocks for other
/// screen sizes and carousels clone their slides; the style sheets that hide the copies are not read, so without this the text
/// comes out twice. Only blocks that hold other blocks and at least <see cref="MinChars"/> characters count: single paragraphs (a
/// meal plan's "Eat every 2–3 hours", an interview's repeated question) repeat on purpose, and code is never compared.</summary>
/// <remarks>Blocks are compared by a 64-bit FNV-1a fingerprint of their non-whitespace text, built bottom-up in one walk of each
/// selected root, so nested blocks are not re-read; the fingerprint is fixed (not randomized per process), so the output is the
/// same on every run.</remarks>
internal sealed class RepeatedBlocks : IDomVisitor
{
    /// <summary>The shortest block (normalised text, after cleaning) that is dropped when repeated; 50–100 scored alike on the
    /// tuning half of WCXB dev, 200 and 400 lower.</summary>
    public const int MinChars = 50;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private readonly Dictionary<IElement, NodeInfo> _infos;
    private readonly Dictionary<IElement, ulong> _fingerprints = [];
    private readonly HashSet<ulong> _written = [];

    /// <summary>Fingerprints of the elements being walked, innermost last.</summary>
    private readonly List<ulong> _open = [];

    public RepeatedBlocks(Dictionary<IElement, NodeInfo> infos) => _infos = infos;

    /// <summary>Fingerprints the blocks of one selected root (the root included) before it is written.</summary>
    public void Index(NodeInfo root, ExtractionBudget budget)
    {
        if (root.Removed)
        {
            return;
        }

        _open.Add(FnvOffset);
        DomWalker.Walk(root.Element, this, budget);
        Exit(root.Element);
        _open.Clear();
    }

    /// <summary>Whether <paramref name="element"/> repeats a block already written; the first time a block is asked about, it
    /// counts as written.</summary>
    public bool IsRepeat(IElement element) => _fingerprints.TryGetValue(element, out ulong fingerprint) && !_written.Add(fingerprint);

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

    /// <summary>Closes an element's fingerprint, keeps it when the element is a long enough block, and folds it into its parent's.</summary>
    public void Exit(IElement element)
    {
        ulong fingerprint = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (_infos.TryGetValue(element, out NodeInfo? info) && info.TextLength >= MinChars && info.BlockCount >= 1 && HtmlTags.Block.Contains(element.LocalName))
        {
            _fingerprints[element] = fingerprint;
        }

        if (_open.Count > 0)
        {
            _open[^1] = (_open[^1] ^ fingerprint) * FnvPrime;
        }
    }
}
