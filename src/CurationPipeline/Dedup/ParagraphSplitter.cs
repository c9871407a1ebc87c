using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace CurationPipeline.Dedup;

/// <summary>
/// Splits text into paragraphs for paragraph dedup: a paragraph is a line (as <c>EnumerateLines</c> splits) that is not blank, compared
/// with surrounding white space trimmed; paragraph <c>i</c> is the <c>i</c>-th such line.
/// </summary>
/// <remarks>The tag pass hashes with <see cref="Hash"/> and the dedup pass rewrites with <see cref="Remove"/>: both number paragraphs alike.</remarks>
public static class ParagraphSplitter
{
    /// <summary>The hash that stands for a paragraph shorter than the minimum: it keeps the paragraph's number but is never removed
    /// (a real hash of 0 is written as 1).</summary>
    public const ulong Unremovable = 0;

    /// <summary>Appends the 64-bit hash of every paragraph of <paramref name="text"/> to <paramref name="destination"/>, in order.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="destination">Receives one hash per paragraph (XxHash3 of the trimmed line's UTF-16 code units, little-endian).</param>
    /// <param name="minChars">Paragraphs shorter than this (trimmed, in chars) get <see cref="Unremovable"/>.</param>
    public static void Hash(ReadOnlySpan<char> text, List<ulong> destination, int minChars = 0)
    {
        ArgumentNullException.ThrowIfNull(destination);
        foreach (ReadOnlySpan<char> line in text.EnumerateLines())
        {
            ReadOnlySpan<char> paragraph = line.Trim();
            if (!paragraph.IsEmpty)
            {
                destination.Add(paragraph.Length < minChars ? Unremovable : Math.Max(1, XxHash3.HashToUInt64(MemoryMarshal.AsBytes(paragraph))));
            }
        }
    }

    /// <summary>The text without the paragraphs numbered in <paramref name="removed"/>; runs of blank lines left behind collapse to one.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="removed">Paragraph numbers to remove, ascending.</param>
    /// <returns>The rewritten text, without leading or trailing blank lines.</returns>
    public static string Remove(string text, IReadOnlyList<int> removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(removed);
        var result = new StringBuilder(text.Length);
        int paragraph = 0;
        int next = 0;
        bool blankPending = false;
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                blankPending = result.Length > 0;
                continue;
            }

            if (next < removed.Count && removed[next] == paragraph++)
            {
                next++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append('\n');
                if (blankPending)
                {
                    result.Append('\n');
                }
            }

            result.Append(line);
            blankPending = false;
        }

        return result.ToString();
    }
}
