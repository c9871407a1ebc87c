using System.Globalization;
using System.Text;

namespace CurationPipeline.Dedup;

/// <summary>Normalizes text before hashing, the equivalent of datatrove's <c>simplify_text</c>.</summary>
/// <remarks>
/// In one pass: lowercase (invariant); every run of decimal digits, with at most one <c>.digits</c> part, becomes <c>0</c>;
/// punctuation, symbols, control characters and whitespace become separators, and runs of separators become one space
/// with none at either end; nonspacing marks and format characters are removed after canonical decomposition (NFD),
/// so <c>é</c> becomes <c>e</c>. datatrove translates a fixed punctuation list; here every Unicode punctuation (P*) and
/// symbol (S*) category counts. Characters outside the Basic Multilingual Plane pass through unchanged.
/// The per-character decisions are a table built once; the class is stateless and thread-safe.
/// </remarks>
public static class TextNormalizer
{
    private const byte Keep = 0;
    private const byte Separator = 1;
    private const byte Digit = 2;
    private const byte Remove = 3;
    private const byte Expand = 4;

    private static readonly byte[] s_class = new byte[char.MaxValue + 1];
    private static readonly char[] s_map = new char[char.MaxValue + 1];
    private static readonly Dictionary<char, string> s_expansions = [];
    private static readonly int s_maxExpansion = BuildTables();

    /// <summary>The destination length that is always enough for a text of <paramref name="textLength"/> characters.</summary>
    /// <param name="textLength">The input length in UTF-16 code units.</param>
    /// <returns>An upper bound of <see cref="Normalize(ReadOnlySpan{char}, Span{char})"/>'s output length.</returns>
    public static int GetMaxNormalizedLength(int textLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(textLength);
        return checked(textLength * s_maxExpansion);
    }

    /// <summary>Normalizes <paramref name="text"/> into a new string.</summary>
    /// <param name="text">The text to normalize.</param>
    /// <returns>The normalized text; empty when nothing but separators remain.</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, GetMaxNormalizedLength(text.Length)));
        try
        {
            int written = Normalize(text, buffer);
            return new string(buffer, 0, written);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Normalizes <paramref name="text"/> into <paramref name="destination"/>.</summary>
    /// <param name="text">The text to normalize.</param>
    /// <param name="destination">Receives the normalized text; <see cref="GetMaxNormalizedLength"/> characters are always enough.</param>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small for this text.</exception>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        int written = 0;
        bool pendingSpace = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            switch (s_class[c])
            {
                case Separator:
                    pendingSpace = written > 0;
                    i++;
                    continue;
                case Remove:
                    i++;
                    continue;
                case Digit:
                    i = SkipNumber(text, i);
                    Append(destination, ref written, ref pendingSpace, '0');
                    continue;
                case Expand:
                    foreach (char e in s_expansions[c])
                    {
                        Append(destination, ref written, ref pendingSpace, e);
                    }

                    i++;
                    continue;
                default:
                    Append(destination, ref written, ref pendingSpace, s_map[c]);
                    i++;
                    continue;
            }
        }

        return written;
    }

    /// <summary>Skips <c>\d+(\.\d+)?</c> starting at <paramref name="start"/>; returns the index after it.</summary>
    private static int SkipNumber(ReadOnlySpan<char> text, int start)
    {
        int i = start + 1;
        while (i < text.Length && s_class[text[i]] == Digit)
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && s_class[text[i + 1]] == Digit)
        {
            i += 2;
            while (i < text.Length && s_class[text[i]] == Digit)
            {
                i++;
            }
        }

        return i;
    }

    private static void Append(Span<char> destination, ref int written, ref bool pendingSpace, char c)
    {
        int needed = pendingSpace ? 2 : 1;
        if (written + needed > destination.Length)
        {
            throw new ArgumentException("The destination is too small; size it with GetMaxNormalizedLength.", nameof(destination));
        }

        if (pendingSpace)
        {
            destination[written++] = ' ';
            pendingSpace = false;
        }

        destination[written++] = c;
    }

    private static int BuildTables()
    {
        int maxExpansion = 1;
        Span<char> one = stackalloc char[1];
        for (int code = 0; code <= char.MaxValue; code++)
        {
            char c = (char)code;
            s_map[c] = c;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            char lower = char.ToLowerInvariant(c);
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(lower);
            if (category == UnicodeCategory.DecimalDigitNumber)
            {
                s_class[c] = Digit;
                continue;
            }

            if (char.IsWhiteSpace(lower) || IsSeparatorCategory(category))
            {
                s_class[c] = Separator;
                continue;
            }

            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                s_class[c] = Remove;
                continue;
            }

            // Unassigned code points have no decomposition (and normalization rejects them): kept as they are.
            if (category == UnicodeCategory.OtherNotAssigned)
            {
                s_map[c] = lower;
                continue;
            }

            one[0] = lower;
            string decomposed = one.ToString().Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder(decomposed.Length);
            foreach (char d in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    kept.Append(d);
                }
            }

            if (kept.Length == 0)
            {
                s_class[c] = Remove;
            }
            else if (kept.Length == 1)
            {
                s_map[c] = kept[0];
            }
            else
            {
                s_class[c] = Expand;
                s_expansions[c] = kept.ToString();
                maxExpansion = Math.Max(maxExpansion, kept.Length);
            }
        }

        // Each space written is paid for by at least one separator consumed, so only expansions make the output longer.
        return maxExpansion;
    }

    private static bool IsSeparatorCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.Control
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator => true,
        _ => false,
    };
}
