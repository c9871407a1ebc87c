using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Per-element statistics gathered by <see cref="DomAnalyzer"/> and used by <see cref="ContentSelector"/>.</summary>
internal sealed class NodeInfo(IElement element, NodeInfo? parent, string tag)
{
    public IElement Element { get; } = element;

    public NodeInfo? Parent { get; } = parent;

    public string Tag { get; } = tag;

    /// <summary>Position in <see cref="DomAnalyzer.All"/> (document order).</summary>
    public int Index { get; init; }

    /// <summary>Exclusive end of this element's subtree in <see cref="DomAnalyzer.All"/>.</summary>
    public int End { get; set; }

    /// <summary>Normalised text length of the whole subtree.</summary>
    public int TextLength { get; set; }

    /// <summary>Normalised text length inside links in the subtree.</summary>
    public int LinkTextLength { get; set; }

    /// <summary>Commas in the subtree.</summary>
    public int Commas { get; set; }

    /// <summary>Text owned directly by this block (text not inside a nested block).</summary>
    public int OwnTextLength { get; set; }

    /// <summary>Commas in <see cref="OwnTextLength"/>'s text.</summary>
    public int OwnCommas { get; set; }

    /// <summary>Sentence ends (. ! ? and their CJK forms) in the subtree.</summary>
    public int SentenceEnds { get; set; }

    public int ParagraphCount { get; set; }

    public int ImageCount { get; set; }

    public int ListItemCount { get; set; }

    public int InputCount { get; set; }

    public int HeadingTextLength { get; set; }

    /// <summary><c>&lt;pre&gt;</c> blocks and converted formulas (<see cref="MathSources.ElementName"/>) in the subtree.</summary>
    public int CodeOrMathCount { get; set; }

    /// <summary>Block-level descendants (any depth).</summary>
    public int BlockCount { get; set; }

    /// <summary>Text in paragraph-like blocks (own text of blocks that are not link lists) in the subtree, after unlikely blocks were
    /// stripped; set by <see cref="ContentSelector"/>.</summary>
    public int GoodTextLength { get; set; }

    /// <summary>Accumulated Readability-style content score; meaningful only when <see cref="IsCandidate"/>.</summary>
    public double Score { get; set; }

    public bool IsCandidate { get; set; }

    /// <summary>Set by conditional cleaning: the serializer skips this subtree.</summary>
    public bool Removed { get; set; }

    /// <summary>The element's class attribute, read once.</summary>
    public string? ClassName { get; init; }

    /// <summary>The element's id, read once.</summary>
    public string? Id { get; init; }

    /// <summary>+25 / -25 per positive / negative class-or-id cue.</summary>
    public int ClassWeight(NameCueCache cues) => Weight(ClassName, cues) + Weight(Id, cues);

    /// <summary>Whether the class or the id matches the pattern of <paramref name="cue"/>.</summary>
    public bool Named(NameCues cue, NameCueCache cues) => cues.Has(ClassName, cue) || cues.Has(Id, cue);

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkTextLength / TextLength;

    /// <summary>Marks a subtree removed and takes its statistics out of its ancestors.</summary>
    public void MarkRemoved()
    {
        Removed = true;
        for (NodeInfo? ancestor = Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            ancestor.TextLength -= TextLength;
            ancestor.LinkTextLength -= LinkTextLength;
            ancestor.Commas -= Commas;
            ancestor.SentenceEnds -= SentenceEnds;
            ancestor.HeadingTextLength -= HeadingTextLength;
            ancestor.ParagraphCount -= ParagraphCount + (Tag == "p" ? 1 : 0);
            ancestor.ImageCount -= ImageCount + (Tag == "img" ? 1 : 0);
            ancestor.ListItemCount -= ListItemCount + (Tag == "li" ? 1 : 0);
            ancestor.InputCount -= InputCount + (Tag == "input" ? 1 : 0);
            ancestor.CodeOrMathCount -= CodeOrMathCount + (IsCodeOrMath(Tag) ? 1 : 0);
        }
    }

    /// <summary>Tags counted by <see cref="CodeOrMathCount"/>.</summary>
    public static bool IsCodeOrMath(string tag) => tag is "pre" or MathSources.ElementName;

    private static int Weight(string? value, NameCueCache cues) =>
        (cues.Has(value, NameCues.Positive) ? 25 : 0) - (cues.Has(value, NameCues.Negative) ? 25 : 0);
}
