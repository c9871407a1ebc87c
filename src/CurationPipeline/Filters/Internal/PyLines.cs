namespace CurationPipeline.Filters.Internal;

/// <summary>Line splitting with the exact semantics of Python's <c>str.splitlines()</c> and <c>str.split("\n")</c>.</summary>
internal static class PyLines
{
    /// <summary>Python's <c>splitlines()</c> boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029; no trailing empty line.</summary>
    public static void SplitLines(ReadOnlySpan<char> text, List<TextSpan> lines)
    {
        lines.Clear();
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                lines.Add(new TextSpan(start, i - start));
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                start = i;
            }
            else
            {
                i++;
            }
        }

        if (start < text.Length)
        {
            lines.Add(new TextSpan(start, text.Length - start));
        }
    }

    /// <summary>Python's <c>split(separator)</c> on one character: always at least one element, empty pieces kept.</summary>
    public static void Split(ReadOnlySpan<char> text, char separator, List<TextSpan> pieces)
    {
        pieces.Clear();
        int start = 0;
        while (true)
        {
            int idx = text[start..].IndexOf(separator);
            if (idx < 0)
            {
                pieces.Add(new TextSpan(start, text.Length - start));
                return;
            }

            pieces.Add(new TextSpan(start, idx));
            start += idx + 1;
        }
    }

    /// <summary><c>re.split(separator + "{minRun,}", text)</c> for one character: runs of at least <paramref name="minRun"/> separators split.</summary>
    public static void SplitOnRuns(ReadOnlySpan<char> text, int offset, char separator, int minRun, List<TextSpan> pieces)
    {
        pieces.Clear();
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] != separator)
            {
                i++;
                continue;
            }

            int runEnd = i;
            while (runEnd < text.Length && text[runEnd] == separator)
            {
                runEnd++;
            }

            if (runEnd - i >= minRun)
            {
                pieces.Add(new TextSpan(offset + start, i - start));
                start = runEnd;
            }

            i = runEnd;
        }

        pieces.Add(new TextSpan(offset + start, text.Length - start));
    }
}
