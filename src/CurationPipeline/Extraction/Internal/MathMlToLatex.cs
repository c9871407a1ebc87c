using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Converts a MathML <c>&lt;math&gt;</c> element to LaTeX: the TeX annotation when the page carries one (KaTeX, MathJax,
/// Wikipedia), otherwise a walk over presentation MathML (tokens, scripts, fractions, roots, over/under, tables, fences).</summary>
internal static class MathMlToLatex
{
    /// <summary>Nesting beyond this depth is written as plain text, so hostile markup cannot exhaust the stack.</summary>
    private const int MaxDepth = 64;

    private static readonly FrozenSet<string> s_functions = FrozenSet.Create(StringComparer.Ordinal,
        "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "log", "ln", "lg", "exp",
        "lim", "max", "min", "sup", "inf", "det", "arg", "deg", "dim", "gcd", "ker", "Pr", "mod");

    private static readonly FrozenSet<string> s_bigOperators = FrozenSet.Create(StringComparer.Ordinal,
        "\\sum", "\\prod", "\\int", "\\oint", "\\iint", "\\bigcup", "\\bigcap", "\\lim", "\\max", "\\min", "\\sup", "\\inf");

    private static readonly FrozenDictionary<char, string> s_symbols = new Dictionary<char, string>
    {
        ['α'] = "\\alpha", ['β'] = "\\beta", ['γ'] = "\\gamma", ['δ'] = "\\delta", ['ε'] = "\\epsilon", ['ϵ'] = "\\epsilon",
        ['ζ'] = "\\zeta", ['η'] = "\\eta", ['θ'] = "\\theta", ['ϑ'] = "\\vartheta", ['ι'] = "\\iota", ['κ'] = "\\kappa",
        ['λ'] = "\\lambda", ['μ'] = "\\mu", ['ν'] = "\\nu", ['ξ'] = "\\xi", ['π'] = "\\pi", ['ρ'] = "\\rho", ['σ'] = "\\sigma",
        ['ς'] = "\\varsigma", ['τ'] = "\\tau", ['υ'] = "\\upsilon", ['φ'] = "\\phi", ['ϕ'] = "\\phi", ['χ'] = "\\chi",
        ['ψ'] = "\\psi", ['ω'] = "\\omega", ['Γ'] = "\\Gamma", ['Δ'] = "\\Delta", ['Θ'] = "\\Theta", ['Λ'] = "\\Lambda",
        ['Ξ'] = "\\Xi", ['Π'] = "\\Pi", ['Σ'] = "\\Sigma", ['Υ'] = "\\Upsilon", ['Φ'] = "\\Phi", ['Ψ'] = "\\Psi", ['Ω'] = "\\Omega",
        ['±'] = "\\pm", ['∓'] = "\\mp", ['×'] = "\\times", ['÷'] = "\\div", ['·'] = "\\cdot", ['⋅'] = "\\cdot", ['∗'] = "\\ast",
        ['≤'] = "\\leq", ['≥'] = "\\geq", ['≠'] = "\\neq", ['≈'] = "\\approx", ['≡'] = "\\equiv", ['∼'] = "\\sim",
        ['≃'] = "\\simeq", ['≅'] = "\\cong", ['∝'] = "\\propto", ['≪'] = "\\ll", ['≫'] = "\\gg", ['∞'] = "\\infty",
        ['∂'] = "\\partial", ['∇'] = "\\nabla", ['∑'] = "\\sum", ['∏'] = "\\prod", ['∫'] = "\\int", ['∬'] = "\\iint",
        ['∮'] = "\\oint", ['√'] = "\\surd", ['∈'] = "\\in", ['∉'] = "\\notin", ['∋'] = "\\ni", ['⊂'] = "\\subset",
        ['⊃'] = "\\supset", ['⊆'] = "\\subseteq", ['⊇'] = "\\supseteq", ['∪'] = "\\cup", ['∩'] = "\\cap", ['⋃'] = "\\bigcup",
        ['⋂'] = "\\bigcap", ['∅'] = "\\emptyset", ['∀'] = "\\forall", ['∃'] = "\\exists", ['¬'] = "\\neg", ['∧'] = "\\wedge",
        ['∨'] = "\\vee", ['→'] = "\\to", ['←'] = "\\leftarrow", ['↔'] = "\\leftrightarrow", ['⇒'] = "\\Rightarrow",
        ['⇐'] = "\\Leftarrow", ['⇔'] = "\\Leftrightarrow", ['↦'] = "\\mapsto", ['ℝ'] = "\\mathbb{R}", ['ℕ'] = "\\mathbb{N}",
        ['ℤ'] = "\\mathbb{Z}", ['ℚ'] = "\\mathbb{Q}", ['ℂ'] = "\\mathbb{C}", ['…'] = "\\ldots", ['⋯'] = "\\cdots",
        ['⋮'] = "\\vdots", ['⋱'] = "\\ddots", ['′'] = "'", ['″'] = "''", ['∘'] = "\\circ", ['⊗'] = "\\otimes", ['⊕'] = "\\oplus",
        ['⟨'] = "\\langle", ['⟩'] = "\\rangle", ['‖'] = "\\|", ['°'] = "^{\\circ}", ['ℓ'] = "\\ell", ['ℏ'] = "\\hbar",
        ['−'] = "-", ['∣'] = "|", ['{'] = "\\{", ['}'] = "\\}", ['%'] = "\\%", ['#'] = "\\#", ['&'] = "\\&",
        ['\u2061'] = "", ['\u2062'] = "", ['\u2063'] = "", ['\u2064'] = "+",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> s_accents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["^"] = "\\hat", ["ˆ"] = "\\hat", ["\u0302"] = "\\hat", ["¯"] = "\\bar", ["‾"] = "\\overline", ["\u0305"] = "\\overline",
        ["→"] = "\\vec", ["\u20D7"] = "\\vec", ["~"] = "\\tilde", ["˜"] = "\\tilde", ["\u0303"] = "\\tilde", ["˙"] = "\\dot",
        ["¨"] = "\\ddot", ["⏞"] = "\\overbrace", ["⏟"] = "\\underbrace", ["_"] = "\\underline",
    }.ToFrozenDictionary();

    /// <summary>The formula in LaTeX; empty when the element holds nothing.</summary>
    public static string Convert(IElement math)
    {
        foreach (IElement annotation in math.GetElementsByTagName("annotation"))
        {
            string? encoding = annotation.GetAttribute("encoding");
            if (encoding is not null && encoding.Contains("tex", StringComparison.OrdinalIgnoreCase))
            {
                return annotation.TextContent.Trim();
            }
        }

        var latex = new StringBuilder();
        WriteChildren(math, latex, 0);
        return latex.ToString().Trim();
    }

    private static void Write(IElement element, StringBuilder latex, int depth)
    {
        if (depth > MaxDepth)
        {
            AppendToken(latex, element.TextContent.Trim());
            return;
        }

        IHtmlCollection<IElement> children = element.Children;
        switch (element.LocalName)
        {
            case "mi":
                WriteIdentifier(element.TextContent.Trim(), latex);
                break;
            case "mn":
                AppendToken(latex, element.TextContent.Trim());
                break;
            case "mo":
                WriteOperator(element.TextContent.Trim(), latex);
                break;
            case "mtext" or "ms":
                string text = element.TextContent.Trim();
                if (text.Length > 0)
                {
                    AppendToken(latex, "\\text{" + text + "}");
                }

                break;
            case "mspace":
                latex.Append(' ');
                break;
            case "msup" when children.Length >= 2:
                WriteGroup(children[0], latex, depth);
                WriteScript(latex, "^", children[1], depth);
                break;
            case "msub" when children.Length >= 2:
                WriteGroup(children[0], latex, depth);
                WriteScript(latex, "_", children[1], depth);
                break;
            case "msubsup" or "munderover" when children.Length >= 3:
                WriteGroup(children[0], latex, depth);
                WriteScript(latex, "_", children[1], depth);
                WriteScript(latex, "^", children[2], depth);
                break;
            case "mfrac" when children.Length >= 2:
                // A zero rule is a stacked pair such as a binomial coefficient, whose parentheses are separate <mo>s.
                AppendToken(latex, element.GetAttribute("linethickness")?.Trim() is "0" or "0px" or "0em" ? "\\genfrac{}{}{0pt}{}" : "\\frac");
                WriteBraced(children[0], latex, depth);
                WriteBraced(children[1], latex, depth);
                break;
            case "msqrt":
                AppendToken(latex, "\\sqrt{");
                WriteChildren(element, latex, depth);
                latex.Append('}');
                break;
            case "mroot" when children.Length >= 2:
                AppendToken(latex, "\\sqrt[");
                Write(children[1], latex, depth + 1);
                latex.Append(']');
                WriteBraced(children[0], latex, depth);
                break;
            case "mover" or "munder" when children.Length >= 2:
                WriteOverUnder(element.LocalName == "mover", children[0], children[1], latex, depth);
                break;
            case "mtable":
                WriteTable(element, latex, depth);
                break;
            case "mfenced":
                WriteFenced(element, latex, depth);
                break;
            case "semantics":
                if (children.Length > 0)
                {
                    Write(children[0], latex, depth + 1);
                }

                break;
            case "annotation" or "annotation-xml" or "mphantom" or "none" or "mprescripts":
                break;
            default:
                WriteChildren(element, latex, depth);
                break;
        }
    }

    private static void WriteChildren(IElement element, StringBuilder latex, int depth)
    {
        foreach (IElement child in element.Children)
        {
            Write(child, latex, depth + 1);
        }
    }

    /// <summary>A script base: braced when it is a row of several items, so <c>(a+b)^2</c> keeps its meaning.</summary>
    private static void WriteGroup(IElement element, StringBuilder latex, int depth)
    {
        if (element.LocalName == "mrow" && element.ChildElementCount > 1)
        {
            WriteBraced(element, latex, depth);
        }
        else
        {
            Write(element, latex, depth + 1);
        }
    }

    private static void WriteBraced(IElement element, StringBuilder latex, int depth)
    {
        latex.Append('{');
        Write(element, latex, depth + 1);
        latex.Append('}');
    }

    private static void WriteScript(StringBuilder latex, string marker, IElement script, int depth)
    {
        latex.Append(marker);
        WriteBraced(script, latex, depth);
    }

    private static void WriteOverUnder(bool over, IElement baseElement, IElement mark, StringBuilder latex, int depth)
    {
        string markText = mark.LocalName == "mo" ? mark.TextContent.Trim() : "";
        if (s_accents.TryGetValue(markText, out string? accent))
        {
            AppendToken(latex, accent);
            WriteBraced(baseElement, latex, depth);
            return;
        }

        int start = latex.Length;
        Write(baseElement, latex, depth + 1);
        if (s_bigOperators.Contains(latex.ToString(start, latex.Length - start).Trim()))
        {
            WriteScript(latex, over ? "^" : "_", mark, depth);
            return;
        }

        string written = latex.ToString(start, latex.Length - start);
        latex.Length = start;
        AppendToken(latex, over ? "\\overset" : "\\underset");
        WriteBraced(mark, latex, depth);
        latex.Append('{').Append(written).Append('}');
    }

    private static void WriteTable(IElement table, StringBuilder latex, int depth)
    {
        AppendToken(latex, "\\begin{matrix}");
        bool firstRow = true;
        foreach (IElement row in table.Children)
        {
            if (!firstRow)
            {
                latex.Append(" \\\\ ");
            }

            firstRow = false;
            bool firstCell = true;
            foreach (IElement cell in row.Children)
            {
                if (!firstCell)
                {
                    latex.Append(" & ");
                }

                firstCell = false;
                Write(cell, latex, depth + 2);
            }
        }

        latex.Append(" \\end{matrix}");
    }

    private static void WriteFenced(IElement fenced, StringBuilder latex, int depth)
    {
        string separators = TextMeasure.CollapseWhitespace(fenced.GetAttribute("separators") ?? ",").Replace(" ", "", StringComparison.Ordinal);
        WriteSymbols(fenced.GetAttribute("open") ?? "(", latex);
        int index = 0;
        foreach (IElement child in fenced.Children)
        {
            if (index > 0 && separators.Length > 0)
            {
                WriteSymbols(separators[Math.Min(index - 1, separators.Length - 1)].ToString(), latex);
            }

            Write(child, latex, depth + 1);
            index++;
        }

        WriteSymbols(fenced.GetAttribute("close") ?? ")", latex);
    }

    private static void WriteIdentifier(string text, StringBuilder latex)
    {
        if (text.Length <= 1)
        {
            WriteSymbols(text, latex);
        }
        else if (s_functions.Contains(text))
        {
            AppendToken(latex, "\\" + text);
        }
        else
        {
            AppendToken(latex, "\\mathrm{" + text + "}");
        }
    }

    private static void WriteOperator(string text, StringBuilder latex)
    {
        if (s_functions.Contains(text))
        {
            AppendToken(latex, "\\" + text);
        }
        else
        {
            WriteSymbols(text, latex);
        }
    }

    private static void WriteSymbols(string text, StringBuilder latex)
    {
        foreach (char c in text)
        {
            AppendToken(latex, s_symbols.TryGetValue(c, out string? command) ? command : c.ToString());
        }
    }

    /// <summary>Appends a token, with a space where it would otherwise run into a preceding command name (<c>\alpha x</c>).</summary>
    private static void AppendToken(StringBuilder latex, string token)
    {
        if (token.Length == 0)
        {
            return;
        }

        if (char.IsAsciiLetter(token[0]) && EndsWithCommand(latex))
        {
            latex.Append(' ');
        }

        latex.Append(token);
    }

    private static bool EndsWithCommand(StringBuilder latex)
    {
        int i = latex.Length - 1;
        while (i >= 0 && char.IsAsciiLetter(latex[i]))
        {
            i--;
        }

        return i >= 0 && i < latex.Length - 1 && latex[i] == '\\';
    }
}
