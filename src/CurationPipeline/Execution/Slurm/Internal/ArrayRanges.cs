using System.Globalization;
using System.Text;

namespace CurationPipeline.Execution.Slurm.Internal;

/// <summary>Slurm's array index lists: <c>0-3,5,7-9</c>, as <c>--array</c> takes them and <c>squeue</c> prints pending ones (<c>12_[0-3,5]</c>).</summary>
internal static class ArrayRanges
{
    /// <summary>Formats ascending, distinct indices as ranges.</summary>
    public static string Format(IEnumerable<int> indices)
    {
        var text = new StringBuilder();
        int? start = null, last = null;
        foreach (int index in indices)
        {
            if (last is { } l && index == l + 1)
            {
                last = index;
                continue;
            }

            Append(text, start, last);
            start = last = index;
        }

        Append(text, start, last);
        return text.ToString();
    }

    /// <summary>Parses a list such as <c>0-3,5</c> (a <c>%</c> throttle suffix is ignored).</summary>
    /// <exception cref="FormatException">The text is not an index list.</exception>
    public static IEnumerable<int> Parse(string text)
    {
        int throttle = text.IndexOf('%', StringComparison.Ordinal);
        foreach (string part in (throttle < 0 ? text : text[..throttle]).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            int first = int.Parse(dash < 0 ? part : part[..dash], CultureInfo.InvariantCulture);
            int end = dash < 0 ? first : int.Parse(part[(dash + 1)..], CultureInfo.InvariantCulture);
            for (int i = first; i <= end; i++)
            {
                yield return i;
            }
        }
    }

    private static void Append(StringBuilder text, int? start, int? last)
    {
        if (start is not { } s || last is not { } l)
        {
            return;
        }

        text.Append(text.Length > 0 ? "," : "").Append(s.ToString(CultureInfo.InvariantCulture));
        if (l > s)
        {
            text.Append('-').Append(l.ToString(CultureInfo.InvariantCulture));
        }
    }
}
