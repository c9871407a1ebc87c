using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CurationPipeline.Filters.Internal;

/// <summary>Compares <see cref="TextSpan"/>s of one text by content (ordinal), hashing with XxHash3.</summary>
internal sealed class TextSpanComparer(string text) : IEqualityComparer<TextSpan>
{
    public bool Equals(TextSpan x, TextSpan y) =>
        x.Length == y.Length && text.AsSpan(x.Start, x.Length).SequenceEqual(text.AsSpan(y.Start, y.Length));

    public int GetHashCode(TextSpan span) =>
        (int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan(span.Start, span.Length)));

    /// <summary>datatrove's <c>find_duplicates</c>: how many elements repeat an earlier one, and their total length.</summary>
    public static (int Count, long Chars) FindDuplicates(string text, ReadOnlySpan<TextSpan> elements)
    {
        var seen = new HashSet<TextSpan>(elements.Length, new TextSpanComparer(text));
        int count = 0;
        long chars = 0;
        foreach (TextSpan element in elements)
        {
            if (!seen.Add(element))
            {
                count++;
                chars += element.Length;
            }
        }

        return (count, chars);
    }
}
