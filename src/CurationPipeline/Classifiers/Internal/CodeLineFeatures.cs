using System.Buffers;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// A small dense feature block that says how much of a text is shaped like source code, whatever the language or site: the
/// longest run of code-like lines, their share of the non-blank lines and their count, each as thermometer indicators
/// (<c>run ≥ 3</c> fires with <c>run ≥ 1</c> and <c>run ≥ 2</c>) hashed into the model's bucket space.
/// </summary>
/// <remarks>
/// A line is code-like when it is a shell command (a <c>$ </c> prompt, or a common command with a flag, path or module version:
/// short runs such as <c>go install golang.org/x/vuln/cmd/govulncheck@latest</c> are most of the code in posts
/// and READMEs), or when it shows at least two syntax cues: it ends in <c>{ } ; ( [</c> or starts with <c>} ) ]</c> (a closing
/// bracket alone counts twice); it holds an operator prose lacks (<c>:= =&gt; -&gt; == != &amp;&amp; || ++ +=</c>); it starts with a
/// keyword of a common language and is short; it starts with <c>//</c> or <c>/*</c> (a comment: two cues, so a comment line is code on
/// its own, as in a doc comment above a declaration); it starts with a call (<c>a.b(</c>); more
/// than 15 % of its chars are symbols. A <c>$</c>, <c>\</c>, <c>_{</c> or <c>^{</c> (LaTeX) takes a cue away. Lines are trimmed and Markdown fence lines
/// skipped, so the extracted text and Markdown forms of a page (<c>BlockTextWriter</c> keeps pre/code lines, adding fences only in
/// Markdown) and the Markdown source the starters train on give the same features.
/// </remarks>
internal static class CodeLineFeatures
{
    /// <summary>Thresholds of the longest run of consecutive code-like lines.</summary>
    private static ReadOnlySpan<int> RunSteps => [1, 2, 3, 5, 8, 13];

    /// <summary>Thresholds of the code-like lines' share of non-blank lines, in thousandths.</summary>
    private static ReadOnlySpan<int> ShareSteps => [20, 50, 100, 200, 400];

    /// <summary>Thresholds of the number of code-like lines.</summary>
    private static ReadOnlySpan<int> CountSteps => [3, 10, 30];

    /// <summary>How many indicators there are (the most <see cref="Fill"/> writes).</summary>
    public const int Count = 14;

    private const ulong Salt = 0xC0DE11E5C0DE11E5UL;

    private static readonly SearchValues<char> s_plain = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_keywords = new HashSet<string>(
        ["func", "return", "if", "else", "for", "while", "var", "let", "const", "import", "package", "def", "class", "function",
         "type", "struct", "public", "private", "static", "switch", "case", "break", "continue", "try", "catch", "except", "elif",
         "fn", "impl", "pub", "int", "void", "char", "#include", "yield", "async", "await", "throw", "defer", "go", "select",
         "export", "interface", "enum", "using", "namespace", "new", "echo", "from"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_commands = new HashSet<string>(
        ["go", "gofmt", "godoc", "git", "npm", "npx", "yarn", "pnpm", "pip", "python", "python3", "cargo", "rustup", "make", "docker",
         "kubectl", "curl", "wget", "cd", "ls", "cat", "mkdir", "rm", "cp", "mv", "sudo", "apt", "apt-get", "brew", "gcloud", "node",
         "gcc", "javac", "java", "dotnet", "chmod", "export", "tar", "ssh", "vue", "dlv", "gdb"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Writes the buckets of the indicators that fire for <paramref name="text"/> and returns how many.</summary>
    /// <param name="text">The text (already cut to the model's max chars).</param>
    /// <param name="shift">64 minus the model's hash bits.</param>
    /// <param name="buckets">At least <see cref="Count"/> long.</param>
    public static int Fill(ReadOnlySpan<char> text, int shift, Span<int> buckets)
    {
        int lines = 0, code = 0, run = 0, longest = 0;
        foreach (ReadOnlySpan<char> raw in text.EnumerateLines())
        {
            ReadOnlySpan<char> line = raw.Trim();
            if (line.IsEmpty || line.StartsWith("```") || line.StartsWith("~~~"))
            {
                continue;
            }

            lines++;
            if (IsCodeLike(line))
            {
                code++;
                longest = Math.Max(longest, ++run);
            }
            else
            {
                run = 0;
            }
        }

        int written = 0, feature = 0;
        ThermometerIndicators.Append(longest, RunSteps, Salt, ref feature, shift, buckets, ref written);
        ThermometerIndicators.Append(lines == 0 ? 0 : (int)(code * 1000L / lines), ShareSteps, Salt, ref feature, shift, buckets, ref written);
        ThermometerIndicators.Append(code, CountSteps, Salt, ref feature, shift, buckets, ref written);
        return written;
    }

    /// <summary>Whether a trimmed, non-empty line shows at least two code cues (one pass over its chars, then the cheap prefix checks).</summary>
    internal static bool IsCodeLike(ReadOnlySpan<char> line)
    {
        int symbols = 0;
        bool operators = false, latex = false, argument = false;
        for (int i = 0, next; (next = line[i..].IndexOfAnyExcept(s_plain)) >= 0; i++)
        {
            i += next; // skip ASCII letters, digits and spaces (vectorised): prose lines are mostly those
            char c = line[i];
            if ((c > 127 && char.IsLetterOrDigit(c)) || char.IsWhiteSpace(c))
            {
                continue;
            }

            symbols++;
            char previous = i > 0 ? line[i - 1] : '\0';
            switch (c)
            {
                case '$' or '\\':
                    latex = true;
                    break;
                case '{':
                    latex |= previous is '_' or '^'; // a subscript or superscript group, f_{n-1}
                    break;
                case '=':
                    operators |= previous is ':' or '=' or '!' or '+';
                    break;
                case '>':
                    operators |= previous is '=' or '-';
                    break;
                case '&' or '|' or '+':
                    operators |= previous == c;
                    break;
                case '-' or '/' or '@':
                    argument = true; // a flag, path or version: only then can the line be a command without a prompt
                    break;
            }
        }

        if (symbols == 0)
        {
            return false; // every cue but a leading keyword needs a symbol
        }

        if ((argument || line[0] == '$') && IsShellCommand(line))
        {
            return true;
        }

        int cues = (operators ? 1 : 0) + (symbols * 100 > line.Length * 15 ? 1 : 0) - (latex ? 1 : 0);
        if (line[^1] is '{' or '}' or ';' or '(' or '[')
        {
            cues++;
        }

        if (line[0] is '}' or ')' or ']')
        {
            cues++;
        }

        if (line.StartsWith("//") || line.StartsWith("/*"))
        {
            cues += 2; // a C-family comment is code on its own (prose lines do not start so), unless a LaTeX sign takes a cue away
        }

        if (StartsWithCall(line))
        {
            cues++;
        }

        return cues >= 2 || (cues == 1 && StartsWithKeyword(line));
    }

    /// <summary>
    /// A shell command: a <c>$ </c> prompt, then a letter, and no second <c>$</c> or <c>\</c> (which LaTeX would have); or a common
    /// command, maybe after a <c>% </c> prompt (a LaTeX comment also starts so), then a flag, a path or a module version
    /// (<c>go install golang.org/x/vuln/cmd/govulncheck@latest</c>).
    /// </summary>
    private static bool IsShellCommand(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("$ ") && line.Length > 2 && char.IsAsciiLetterLower(line[2]))
        {
            return !line[1..].Contains('$') && !line.Contains('\\');
        }

        if (line.StartsWith("% "))
        {
            line = line[2..].TrimStart();
        }

        int end = line.IndexOf(' ');
        if (end <= 0 || !s_commands.Contains(line[..end]))
        {
            return false;
        }

        ReadOnlySpan<char> arguments = line[end..];
        foreach (Range range in arguments.Split(' '))
        {
            ReadOnlySpan<char> word = arguments[range];
            ReadOnlySpan<char> flag = word.TrimStart('-');
            bool isFlag = flag.Length < word.Length && flag.Length > 0 && char.IsAsciiLetter(flag[0]);
            if (word.Length > 1 && (isFlag || word.StartsWith("./") || word.Contains('@') || (word.Contains('/') && word.Contains('.'))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A keyword first, in a line of at most 12 words (prose lines that start with "for" or "if" run longer).</summary>
    private static bool StartsWithKeyword(ReadOnlySpan<char> line)
    {
        int end = 0;
        while (end < line.Length && (char.IsLetter(line[end]) || line[end] == '#'))
        {
            end++;
        }

        if (end == 0 || !s_keywords.Contains(line[..end]))
        {
            return false;
        }

        int words = 1;
        foreach (char c in line)
        {
            if (c == ' ')
            {
                words++;
            }
        }

        return words <= 12;
    }

    /// <summary>A (dotted) identifier and an opening parenthesis right after it, at the start of the line: <c>fmt.Println(</c>.</summary>
    private static bool StartsWithCall(ReadOnlySpan<char> line)
    {
        if (!(char.IsLetter(line[0]) || line[0] == '_'))
        {
            return false;
        }

        int i = 1;
        while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] is '_' or '.'))
        {
            i++;
        }

        return i < line.Length && line[i] == '(';
    }
}
