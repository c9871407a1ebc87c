using System.Globalization;
using System.Text;

namespace CurationPipeline.Tests.Tokenization.FastPath;

/// <summary>Seeded random documents built from runs of characters of every Unicode category, white space of every kind, digits,
/// contractions in both cases, emoji, lone surrogates and mixed scripts.</summary>
internal static class GeneratedText
{
    private static readonly string[][] s_pools = BuildPools();

    public static string Document(Random random)
    {
        var text = new StringBuilder();
        int runs = random.Next(1, 120);
        for (int run = 0; run < runs; run++)
        {
            string[] pool = s_pools[random.Next(s_pools.Length)];
            int length = random.Next(10) == 0 ? random.Next(1, 400) : random.Next(1, 6);
            for (int i = 0; i < length; i++)
            {
                text.Append(pool[random.Next(pool.Length)]);
            }
        }

        return text.ToString();
    }

    private static string[][] BuildPools()
    {
        // A few code units of every general category (Cs: both halves of a surrogate pair, each alone).
        var byCategory = new Dictionary<UnicodeCategory, List<string>>();
        for (int c = 0; c <= char.MaxValue; c += 7)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory((char)c);
            List<string> list = byCategory.TryGetValue(category, out List<string>? found) ? found : byCategory[category] = [];
            if (list.Count < 40)
            {
                list.Add(((char)c).ToString());
            }
        }

        var pools = byCategory.Values.Select(l => l.ToArray()).ToList();
        pools.Add([" ", " ", " ", "\t", "\n", "\r", "\r\n", "\u00A0", "\u0085", "\u2028", "\u3000", "\u000B", "\u000C"]);
        pools.Add(["0", "1", "2", "9", "٣", "७", "Ⅻ", "½", "²"]);
        pools.Add(["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "'Ve", "'M", "'LL", "'D", "'\u017F", "'", "’s"]);
        pools.Add(["😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "𝐀", "𝑥", "\uD83D", "\uDE00", "\uDBFF\uDFFF"]);
        pools.Add(["the", "The", "THE", " world", "naïve", "Ǆemal", "ǅ", "東京", "안녕", "Привет", "مرحبا", "שלום", "नमस्ते", "ไทย", "e\u0301", "/", "//", "://", "<|endoftext|>"]);
        pools.Add(["a", "b", "Z", "é", "Σ", "ß", "ﬁ", "ʰ", "ª", "々"]);
        return [.. pools];
    }
}
