using System.Collections.Frozen;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Tag-name tables (lower-case local names) that drive cleaning, scoring and text layout.</summary>
internal static class HtmlTags
{
    /// <summary>Elements that never hold main text and are removed with their subtree.</summary>
    public static readonly FrozenSet<string> Junk = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset", "object", "embed",
        "canvas", "video", "audio", "map", "nav", "aside", "footer", "header", "button", "select", "textarea",
        "option", "datalist", "dialog", "link", "meta", "head", "title", "menu", "figcaption");

    /// <summary>Elements whose content the tokenizer reads as text up to their own end tag (<c>plaintext</c>: to the end of the page).</summary>
    public static readonly FrozenSet<string> RawText = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext");

    /// <summary>Elements that start a new line of text.</summary>
    public static readonly FrozenSet<string> Block = FrozenSet.Create(StringComparer.Ordinal,
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "html");

    /// <summary>Blocks followed by a blank line (paragraph breaks) rather than a single newline.</summary>
    public static readonly FrozenSet<string> Paragraph = FrozenSet.Create(StringComparer.Ordinal,
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol", "dl", "table", "figure", "hr");

    /// <summary>Blocks whose own text counts as a paragraph for scoring even when they hold other blocks.</summary>
    public static readonly FrozenSet<string> Container = FrozenSet.Create(StringComparer.Ordinal,
        "div", "section", "article", "main", "td", "body", "center", "form", "fieldset", "blockquote");

    /// <summary>Headings.</summary>
    public static readonly FrozenSet<string> Heading = FrozenSet.Create(StringComparer.Ordinal,
        "h1", "h2", "h3", "h4", "h5", "h6");

    /// <summary>Elements that may be dropped after selection when their statistics look like boilerplate.</summary>
    public static readonly FrozenSet<string> Conditional = FrozenSet.Create(StringComparer.Ordinal,
        "div", "section", "ul", "ol", "dl", "table", "form", "fieldset", "figure");

    /// <summary>Score bias by tag for candidate containers (Readability-style).</summary>
    public static int TagBias(string tag) => tag switch
    {
        "div" or "article" or "main" => 5,
        "pre" or "td" or "blockquote" or "section" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };
}
