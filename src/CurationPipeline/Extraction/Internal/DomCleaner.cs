using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Removes what can never be main text: scripts, styles, embedded media, page chrome (nav/header/footer/aside),
/// form controls, comments and hidden elements. Math sources are first turned into LaTeX by <see cref="MathSources"/>.</summary>
/// <remarks>Hidden elements are set aside rather than dropped (<see cref="RestoreHidden"/>): server-rendered pages that a script
/// reveals (streamed React chunks in <c>&lt;div hidden&gt;</c>, bodies under <c>display:none</c> until hydration) keep
/// all their text there. <c>visibility:hidden</c> is not hiding: scroll-reveal effects start visible content with it. One instance per page.</remarks>
internal sealed class DomCleaner : IDomVisitor
{
    /// <summary>Hidden elements, each with the empty comment that holds its place in the tree.</summary>
    private readonly List<(IElement Hidden, INode Placeholder)> _hidden = [];

    /// <summary>Headings kept by the first walk, in document order (see <see cref="CrossSellSections"/>).</summary>
    private readonly List<IElement> _headings = [];

    private bool _keepHidden;

    /// <summary>The headings the first walk kept, in document order.</summary>
    public IReadOnlyList<IElement> Headings => _headings;

    /// <summary>Whether any hidden element was set aside.</summary>
    public bool RemovedHidden => _hidden.Count > 0;

    /// <summary>Text (normalised chars) in the hidden elements that are streamed content chunks (<see cref="StreamedChunks"/>).</summary>
    public int HiddenChunkChars { get; private set; }

    /// <summary>Puts the hidden elements back where they were and cleans them (keeping hidden elements from now on).</summary>
    public void RestoreHidden(ExtractionBudget budget)
    {
        _keepHidden = true;
        foreach ((IElement hidden, INode placeholder) in _hidden)
        {
            placeholder.Parent!.ReplaceChild(hidden, placeholder);
            DomWalker.Walk(hidden, this, budget);
        }

        _hidden.Clear();
    }

    /// <summary>A <c>&lt;noscript&gt;</c> with elements and at least this much text is kept as page content.</summary>
    private const int MinNoscriptChars = 200;

    /// <summary>A section's <c>&lt;header&gt;</c> with at least this much text is content (400 to 2,000 scored alike on the WCXB
    /// tuning half; below 400, article bylines cost Scrapinghub precision).</summary>
    private const int MinSectionHeaderChars = 1000;

    /// <summary>A card's text outside its header: at most a label or a date.</summary>
    private const int MaxCardTextOutsideHeader = 20;

    public bool Enter(INode node)
    {
        switch (node)
        {
            case IElement element:
                if (MathSources.TryReplace(element))
                {
                    // The walk visits the replacement, if any, next: it sits at the same index.
                    return false;
                }

                if (IsJunk(element))
                {
                    element.Remove();
                    return false;
                }

                if (!_keepHidden && IsHidden(element))
                {
                    // Comments are invisible to every visitor: the placeholder only keeps the position.
                    INode placeholder = element.Owner!.CreateComment("");
                    element.Parent!.ReplaceChild(placeholder, element);
                    _hidden.Add((element, placeholder));
                    if (StreamedChunks.IsChunk(element))
                    {
                        HiddenChunkChars += TextMeasure.NormalizedLength(element.TextContent);
                    }
                    return false;
                }

                if (!_keepHidden && HtmlTags.Heading.Contains(element.LocalName))
                {
                    _headings.Add(element);
                }

                return true;
            case IText:
                return true;
            default:
                // Comments, processing instructions and doctype nodes carry no text.
                return false;
        }
    }

    public void Exit(IElement element)
    {
    }

    private static bool IsJunk(IElement element)
    {
        if (element.LocalName == "noscript")
        {
            // Server-rendered fallbacks (Discourse topics, some shops) put the whole page in <noscript>; tracking pixels and
            // "enable JavaScript" notices are short.
            return !HoldsContent(element);
        }

        if (HtmlTags.Junk.Contains(element.LocalName))
        {
            return !IsSectionHeaderWithText(element) && !IsCardHeader(element) && !WrapsMainLandmark(element);
        }

        return (element.LocalName == "input" && IsHiddenInputOrTaskMark(element))
            || (element.GetAttribute("role") is { Length: > 0 } role && BoilerplatePatterns.ChromeRole().IsMatch(role));
    }

    /// <summary>A hidden input, or a disabled checkbox: Markdown renderers mark task-list items with one, and counted as a form
    /// control it would get a checklist cleaned away as a form.</summary>
    private static bool IsHiddenInputOrTaskMark(IElement input) =>
        input.GetAttribute("type") is { } type
        && (type.Equals("hidden", StringComparison.OrdinalIgnoreCase)
            || (type.Equals("checkbox", StringComparison.OrdinalIgnoreCase) && input.HasAttribute("disabled")));

    /// <remarks><c>aria-hidden</c> hides an element from screen readers, not from the page (card titles, tab panels and headings
    /// that stay on screen use it): it counts only on the glyph rendering of a formula whose source sits beside it.</remarks>
    private static bool IsHidden(IElement element)
    {
        bool hidden = element.HasAttribute("hidden")
            || (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase) && MathSources.HasSourceBeside(element))
            || (element.GetAttribute("style") is { Length: > 0 } style && BoilerplatePatterns.HiddenStyle().IsMatch(style));
        return hidden && !MathSources.WrapsMath(element) && !IsTabPanel(element);
    }

    /// <summary>A tab panel (<c>role="tabpanel"</c>) is hidden only until its tab is chosen: the other panels hold the same kind of
    /// content (a guide's steps for each language or platform).</summary>
    private static bool IsTabPanel(IElement element) =>
        string.Equals(element.GetAttribute("role"), "tabpanel", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <c>&lt;header&gt;</c> inside <c>&lt;main&gt;</c>, <c>&lt;article&gt;</c> or <c>&lt;section&gt;</c> heads that
    /// section, not the page (it is no <c>banner</c> landmark); page builders put whole text sections in one. It is kept when it
    /// holds <see cref="MinSectionHeaderChars"/> or more; shorter ones (an article's title, byline and date) are still dropped.</summary>
    private static bool IsSectionHeaderWithText(IElement element)
    {
        if (element.LocalName != "header")
        {
            return false;
        }

        for (IElement? ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            if (ancestor.LocalName is "main" or "article" or "section")
            {
                return TextMeasure.NormalizedLength(element.TextContent) >= MinSectionHeaderChars;
            }
        }

        return false;
    }

    /// <summary>A <c>&lt;header&gt;</c> that holds all the text of its <c>&lt;article&gt;</c> is the article's teaser card
    /// (a title and a blurb in a listing), not the byline above a body: dropping it would drop the card.</summary>
    private static bool IsCardHeader(IElement element)
    {
        if (element.LocalName != "header" || element.ParentElement is not { LocalName: "article" } article)
        {
            return false;
        }

        foreach (IElement sibling in article.Children)
        {
            if (sibling != element && !HtmlTags.Junk.Contains(sibling.LocalName) && TextMeasure.NormalizedLength(sibling.TextContent) > MaxCardTextOutsideHeader)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A page landmark (<c>&lt;aside&gt;</c>, <c>&lt;header&gt;</c>, <c>&lt;footer&gt;</c>, <c>&lt;nav&gt;</c>) that holds the
    /// page's <c>&lt;main&gt;</c> is not chrome: it was left unclosed (an announcement bar without its end tag), and the parser
    /// nested the rest of the page inside it.</summary>
    private static bool WrapsMainLandmark(IElement element) =>
        element.LocalName is "aside" or "header" or "footer" or "nav" && element.GetElementsByTagName("main").Length > 0;

    private static bool HoldsContent(IElement noscript) =>
        noscript.ChildElementCount > 0 && TextMeasure.NormalizedLength(noscript.TextContent) >= MinNoscriptChars;
}
