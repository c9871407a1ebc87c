using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CurationPipeline.Extraction.Evaluation;

/// <summary>The Scrapinghub article-extraction metric for one item: <c>\w+</c> tokens (Python's Unicode definition),
/// 4-token shingles, multiset true/false positives and false negatives.</summary>
public static class ShingleMetric
{
    /// <summary>Shingle size used by the benchmark.</summary>
    public const int ShingleSize = 4;

    /// <summary>Splits text into runs of word chars: letters (L*), numbers (Nd, Nl, No) and <c>_</c>, as Python's <c>re</c> <c>\w</c> does.</summary>
    /// <param name="text">Any text; <c>null</c> gives no tokens.</param>
    /// <returns>The tokens in order.</returns>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var current = new StringBuilder();
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Counts the shingles of a token list: every run of <see cref="ShingleSize"/> tokens joined by a space,
    /// or a single shingle of all tokens when there are fewer.</summary>
    /// <param name="tokens">Tokens from <see cref="Tokenize"/>.</param>
    /// <returns>Shingle multiset as counts.</returns>
    public static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int windows = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (int i = 0; i < windows && tokens.Count > 0; i++)
        {
            int length = Math.Min(ShingleSize, tokens.Count - i);
            string shingle = string.Join(' ', (ReadOnlySpan<string?>)CollectionsMarshal.AsSpan(tokens).Slice(i, length));
            counts[shingle] = counts.GetValueOrDefault(shingle) + 1;
        }

        return counts;
    }

    /// <summary>Compares a prediction with the ground truth.</summary>
    /// <param name="truth">The expected article body.</param>
    /// <param name="prediction">The extracted text.</param>
    /// <returns>(true positives, false positives, false negatives) in shingles.</returns>
    public static (int TruePositives, int FalsePositives, int FalseNegatives) Compare(string? truth, string? prediction)
    {
        Dictionary<string, int> expected = Shingles(Tokenize(truth));
        Dictionary<string, int> predicted = Shingles(Tokenize(prediction));
        int tp = 0, fp = 0, fn = 0;
        foreach ((string shingle, int count) in predicted)
        {
            int want = expected.GetValueOrDefault(shingle);
            tp += Math.Min(want, count);
            fp += Math.Max(0, count - want);
        }

        foreach ((string shingle, int count) in expected)
        {
            fn += Math.Max(0, count - predicted.GetValueOrDefault(shingle));
        }

        return (tp, fp, fn);
    }

    private static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
