using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Finds the language hint of a code block: <c>data-lang</c>/<c>data-language</c>, or a class like <c>language-py</c>,
/// <c>lang-js</c>, <c>highlight-source-cs</c> or SyntaxHighlighter's <c>brush: php</c>, on the <c>&lt;pre&gt;</c>, its
/// <c>&lt;code&gt;</c> child or its wrapping <c>&lt;div&gt;</c> (GitHub's <c>highlight highlight-source-js</c>).</summary>
internal static partial class CodeLanguage
{
    /// <summary>The language name (letters, digits, <c>+ # . -</c>), or empty when the block declares none.</summary>
    public static string Find(IElement pre)
    {
        string language = FromElement(pre);
        if (language.Length == 0 && pre.FirstElementChild is { LocalName: "code" } code)
        {
            language = FromElement(code);
        }

        if (language.Length == 0 && pre.ParentElement is { LocalName: "div" } wrapper)
        {
            language = FromElement(wrapper);
        }

        return language;
    }

    private static string FromElement(IElement element)
    {
        foreach (string attribute in (ReadOnlySpan<string>)["data-lang", "data-language"])
        {
            if (element.GetAttribute(attribute) is { } value && Name().Match(value) is { Success: true } whole && whole.Length == value.Trim().Length)
            {
                return whole.Value.ToLowerInvariant();
            }
        }

        if (element.ClassName is { Length: > 0 } classes && ClassHint().Match(classes) is { Success: true } hint)
        {
            return hint.Groups["name"].Value.ToLowerInvariant();
        }

        return "";
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9+#.\-]{0,30}", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"(?:^|\s)(?:language-|lang-|highlight-source-|highlight-|brush:\s*)(?<name>[A-Za-z0-9][A-Za-z0-9+#.\-]{0,30})", RegexOptions.CultureInvariant)]
    private static partial Regex ClassHint();
}
