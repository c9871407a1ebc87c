using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Removes what can never be main text: scripts, styles, embedded media, page chrome (nav/header/footer/aside),
/// form controls, comments and hidden elements. Math sources are first turned into LaTeX by <see cref="MathSources"/>.</summary>
internal sealed class DomCleaner : IDomVisitor
{
    public static readonly DomCleaner Instance = new();

    /// <summary>A <c>&lt;noscript&gt;</c> with elements and at least this much text is kept as page content.</summary>
    private const int MinNoscriptChars = 200;

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
            return true;
        }

        bool hidden = element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || (element.LocalName == "input" && string.Equals(element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase))
            || (element.GetAttribute("style") is { Length: > 0 } style && BoilerplatePatterns.HiddenStyle().IsMatch(style));
        if (hidden)
        {
            return !MathSources.WrapsMath(element);
        }

        return element.GetAttribute("role") is { Length: > 0 } role && BoilerplatePatterns.ChromeRole().IsMatch(role);
    }

    private static bool HoldsContent(IElement noscript) =>
        noscript.ChildElementCount > 0 && TextMeasure.NormalizedLength(noscript.TextContent) >= MinNoscriptChars;
}
