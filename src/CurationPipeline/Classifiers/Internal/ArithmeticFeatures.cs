namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// A small dense feature block that says how much of a text works sums, with or without LaTeX: the number of calculation lines
/// (a number, an operator and a number, then an equals sign followed by a number: <c>She needs 200 – 120 = 80 more</c>) and of
/// worked steps (the operation right before the equals sign: <c>10 toothpicks x 12 weeks = 120</c>), each as thermometer
/// indicators (<see cref="ThermometerIndicators"/>) hashed into the model's bucket space.
/// </summary>
/// <remarks>
/// Word n-grams map every digit to 0 and see <c>*</c>, <c>/</c> and <c>=</c> as tokens, which code pages (negatives of a math
/// model) are full of, so a grade-school word problem's arithmetic looks like code to them. A calculation line is rare in code
/// (<c>x = 5</c> has no operation between numbers, and code computes on the right of its equals sign: <c>SIZE = 1024 * 1024</c>)
/// and in prose, and a math model learns it from the LaTeX solutions it trains on
/// (<c>2 \cdot 3 = 6</c>); left out, GSM8K's recall went 0.51 → 1.00. <c>==</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>!=</c>, <c>+=</c> and
/// <c>=&gt;</c> are comparisons, assignments or arrows, not equals signs. A quantity may carry a currency sign, a <c>%</c> and up to
/// three unit words (<c>$700/week</c>, <c>12 hours per day</c>).
/// </remarks>
internal static class ArithmeticFeatures
{
    /// <summary>Thresholds of the number of calculation lines.</summary>
    private static ReadOnlySpan<int> LineSteps => [1, 2, 3, 5, 8];

    /// <summary>Thresholds of the number of worked steps.</summary>
    private static ReadOnlySpan<int> StepSteps => [1, 2, 3];

    /// <summary>How many indicators there are (the most <see cref="Fill"/> writes).</summary>
    public const int Count = 8;

    private const ulong Salt = 0xA217_4E71_C5A1_7E57UL;

    /// <summary>Writes the buckets of the indicators that fire for <paramref name="text"/> and returns how many.</summary>
    /// <param name="text">The text (already cut to the model's max chars).</param>
    /// <param name="shift">64 minus the model's hash bits.</param>
    /// <param name="buckets">At least <see cref="Count"/> long.</param>
    public static int Fill(ReadOnlySpan<char> text, int shift, Span<int> buckets)
    {
        (int lines, int steps) = Measure(text);
        int written = 0, feature = 0;
        ThermometerIndicators.Append(lines, LineSteps, Salt, ref feature, shift, buckets, ref written);
        ThermometerIndicators.Append(steps, StepSteps, Salt, ref feature, shift, buckets, ref written);
        return written;
    }

    /// <summary>Counts the calculation lines and the worked steps of <paramref name="text"/>.</summary>
    internal static (int Lines, int Steps) Measure(ReadOnlySpan<char> text)
    {
        int lines = 0, steps = 0;
        foreach (ReadOnlySpan<char> line in text.EnumerateLines())
        {
            int? operation = null; // where the line's first operation ends, found once a result asks
            bool calculation = false;
            for (int i = 0, next; (next = line[i..].IndexOf('=')) >= 0; i++)
            {
                i += next;
                if (IsEqualsSign(line, i) && StartsWithNumber(line[(i + 1)..]))
                {
                    operation ??= FirstOperationEnd(line);
                    calculation |= operation <= i;
                    steps += EndsWithOperation(line[..i]) ? 1 : 0;
                }
            }

            lines += calculation ? 1 : 0;
        }

        return (lines, steps);
    }

    /// <summary>
    /// Where the line's first <c>quantity operator number</c> ends (the operator's end), or <see cref="int.MaxValue"/> for none. A result counts only after
    /// it: code computes on the right of its equals sign (<c>SIZE = 1024 * 1024;</c>), a worked sum on the left.
    /// </summary>
    private static int FirstOperationEnd(ReadOnlySpan<char> line)
    {
        for (int i = 1; i < line.Length; i++)
        {
            int length = OperatorLength(line, i);
            if (length == 0 || !StartsWithNumber(line[(i + length)..]))
            {
                continue;
            }

            ReadOnlySpan<char> before = line[..i];
            if (TrimQuantity(ref before))
            {
                return i + length;
            }
        }

        return int.MaxValue;
    }

    private static bool IsEqualsSign(ReadOnlySpan<char> text, int i) =>
        (i == 0 || text[i - 1] is not ('=' or '<' or '>' or '!' or ':' or '+' or '-' or '*' or '/')) &&
        (i + 1 == text.Length || text[i + 1] is not ('=' or '>'));

    /// <summary>Spaces, maybe a currency sign or a minus, then a digit.</summary>
    private static bool StartsWithNumber(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        if (!rest.IsEmpty && (Currency.Contains(rest[0]) || rest[0] is '-' or '–' or '−'))
        {
            rest = rest[1..];
        }

        return !rest.IsEmpty && char.IsAsciiDigit(rest[0]);
    }

    /// <summary>Whether the text before an equals sign ends with <c>quantity operator quantity</c>.</summary>
    private static bool EndsWithOperation(ReadOnlySpan<char> before) =>
        TrimQuantity(ref before) && TrimOperator(ref before) && TrimQuantity(ref before);

    /// <summary>
    /// Removes a trailing quantity: a number (digits, <c>,</c> and <c>.</c>; a currency sign before it, <c>%</c> after it) and up to
    /// <see cref="MaxUnitWords"/> unit words after it (<c>10 toothpicks</c>, <c>$700/week</c>). The number must not end a word
    /// (<c>x2</c> is a variable).
    /// </summary>
    private static bool TrimQuantity(ref ReadOnlySpan<char> s)
    {
        ReadOnlySpan<char> rest = s.TrimEnd(' ');
        for (int words = 0; words < MaxUnitWords && !rest.IsEmpty && char.IsLetter(rest[^1]); words++)
        {
            int start = rest.Length;
            while (start > 0 && (char.IsLetter(rest[start - 1]) || rest[start - 1] is '/' or '\'' or '’'))
            {
                start--;
            }

            rest = rest[..start].TrimEnd(' ');
        }

        rest = rest.TrimEnd('%');
        int end = rest.Length; // a number ends with a digit: "3," ends a clause
        while (end > 0 && (char.IsAsciiDigit(rest[end - 1]) || (rest[end - 1] is ',' or '.' && end > 1 && char.IsAsciiDigit(rest[end - 2]))))
        {
            end--;
        }

        if (end == rest.Length || !char.IsAsciiDigit(rest[^1]) || (end > 0 && char.IsLetter(rest[end - 1])))
        {
            return false;
        }

        s = rest[..end].TrimEnd(Currency);
        return true;
    }

    /// <summary>The currency signs a quantity may start with.</summary>
    private const string Currency = "$€£";

    /// <summary>Most words of a unit after a number (<c>hours per week</c>).</summary>
    private const int MaxUnitWords = 3;

    /// <summary>Removes trailing spaces and one operator (<see cref="OperatorLength"/>).</summary>
    private static bool TrimOperator(ref ReadOnlySpan<char> s)
    {
        s = s.TrimEnd(' ');
        for (int length = 1; length <= Math.Min(6, s.Length); length++)
        {
            if (OperatorLength(s, s.Length - length) == length)
            {
                s = s[..^length];
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The length of the operator at <paramref name="i"/>: <c>+ - – − * / × ÷</c>, <c>x</c> between spaces or digits, or LaTeX's
    /// <c>\times \cdot \div</c>; 0 for none.
    /// </summary>
    private static int OperatorLength(ReadOnlySpan<char> line, int i)
    {
        char c = line[i];
        if (c is '+' or '-' or '–' or '−' or '*' or '/' or '×' or '÷')
        {
            return 1;
        }

        if (c == 'x')
        {
            // 3 x 4 or 3x 4 (the span may end right after it), not a word's x nor a hex literal (0x0F)
            bool end = i + 1 == line.Length;
            bool before = i > 0 && (line[i - 1] == ' ' || char.IsAsciiDigit(line[i - 1]));
            bool after = end || line[i + 1] == ' ' || char.IsAsciiDigit(line[i + 1]);
            return before && after && (end || line[i - 1] == ' ' || line[i + 1] == ' ') ? 1 : 0;
        }

        if (c != '\\')
        {
            return 0;
        }

        foreach (string latex in (ReadOnlySpan<string>)[@"\times", @"\cdot", @"\div"])
        {
            if (line[i..].StartsWith(latex, StringComparison.Ordinal))
            {
                return latex.Length;
            }
        }

        return 0;
    }
}
