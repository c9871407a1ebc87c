using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Turns the math sources of a page into <c>&lt;cp-math&gt;</c> elements whose text is LaTeX, before cleaning removes
/// scripts and MathML: MathJax 2 <c>&lt;script type="math/tex"&gt;</c> (and <c>; mode=display</c>), MathML <c>&lt;math&gt;</c>
/// (KaTeX's <c>.katex-mathml</c>, MathJax 3's assistive MathML and Wikipedia's hidden copy included) through
/// <see cref="MathMlToLatex"/>. MathJax 2's rendered spans are dropped because the script beside them keeps the source.</summary>
internal static class MathSources
{
    /// <summary>Local name of the element that carries converted math.</summary>
    public const string ElementName = "cp-math";

    /// <summary>Attribute present on <see cref="ElementName"/> when the formula is displayed as its own block.</summary>
    public const string DisplayAttribute = "data-display";

    private const int MaxWrapperLevels = 3;

    /// <summary>Replaces a math source with a <see cref="ElementName"/> element, or removes a MathJax 2 rendering or an empty
    /// formula; returns <c>true</c> when <paramref name="element"/> left the tree.</summary>
    public static bool TryReplace(IElement element)
    {
        string? latex;
        bool display;
        switch (element.LocalName)
        {
            case "script":
                string? type = element.GetAttribute("type");
                if (type is null || !type.StartsWith("math/tex", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                latex = element.TextContent;
                display = type.Contains("mode=display", StringComparison.OrdinalIgnoreCase);
                break;
            case "math":
                latex = MathMlToLatex.Convert(element);
                display = IsDisplayMath(element);
                break;
            case "span" or "div" when element.ClassName is { } classes && classes.Contains("MathJax", StringComparison.Ordinal)
                                       && IsMathJax2Rendering(element):
                element.Remove();
                return true;
            default:
                return false;
        }

        latex = TextMeasure.CollapseWhitespace(latex);
        if (latex.Length == 0)
        {
            element.Remove();
            return true;
        }

        IElement math = element.Owner!.CreateElement(ElementName);
        if (display)
        {
            math.SetAttribute(DisplayAttribute, "");
        }

        math.TextContent = latex;
        element.Parent!.ReplaceChild(math, element);
        return true;
    }

    /// <summary>A hidden element that only wraps a <c>&lt;math&gt;</c> is the accessible copy of a visible rendering (an image or
    /// glyph spans); it is kept so that the formula can be converted.</summary>
    public static bool WrapsMath(IElement element) =>
        element.ChildElementCount == 1 && element.FirstElementChild!.LocalName == "math";

    /// <summary>Whether a sibling of <paramref name="element"/> is a math source (<c>&lt;math&gt;</c>, or one already converted)
    /// or wraps only one: KaTeX and MathJax 3 put their glyph rendering beside the MathML.</summary>
    public static bool HasSourceBeside(IElement element)
    {
        for (IElement? sibling = element.ParentElement?.FirstElementChild; sibling is not null; sibling = sibling.NextElementSibling)
        {
            if (sibling != element && (IsSource(sibling) || (sibling.ChildElementCount == 1 && IsSource(sibling.FirstElementChild!))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSource(IElement element) => element.LocalName is "math" or ElementName;

    private static bool IsDisplayMath(IElement math)
    {
        if (string.Equals(math.GetAttribute("display"), "block", StringComparison.OrdinalIgnoreCase)
            || string.Equals(math.GetAttribute("mode"), "display", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        IElement? wrapper = math.ParentElement;
        for (int level = 0; wrapper is not null && level < MaxWrapperLevels; level++, wrapper = wrapper.ParentElement)
        {
            if (wrapper.ClassList.Contains("katex-display")
                || (wrapper.LocalName == "mjx-container" && string.Equals(wrapper.GetAttribute("display"), "true", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MathJax 2 output (<c>MathJax</c>, <c>MathJax_Display</c>, <c>MathJax_Preview</c>, <c>MathJax_CHTML</c>,
    /// <c>MathJax_SVG</c> ...): MathJax 2 leaves the <c>math/tex</c> script next to it.</summary>
    private static bool IsMathJax2Rendering(IElement element)
    {
        foreach (string token in element.ClassList)
        {
            if (token.StartsWith("MathJax", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
