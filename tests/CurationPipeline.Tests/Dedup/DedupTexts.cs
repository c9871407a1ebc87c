using System.Text.Json;
using CurationPipeline.Dedup;

namespace CurationPipeline.Tests.Dedup;

/// <summary>Real article texts for dedup tests (scrapinghub ground truth) and builders of near-duplicates with measured Jaccard.</summary>
internal static class DedupTexts
{
    public const string GroundTruth = "extraction/scrapinghub/ground-truth.json";

    private static readonly Lazy<IReadOnlyList<string>> s_articles = new(() =>
    {
        using FileStream stream = File.OpenRead(TestData.Shared(GroundTruth));
        using JsonDocument json = JsonDocument.Parse(stream);
        return json.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Value.GetProperty("articleBody").GetString() ?? "")
            .ToArray();
    });

    /// <summary>Every article body, in key order.</summary>
    public static IReadOnlyList<string> Articles => s_articles.Value;

    /// <summary>Normalized word lists of the articles with at least <paramref name="minWords"/> words.</summary>
    public static List<string[]> NormalizedWordLists(int minWords) =>
        Articles.Select(a => TextNormalizer.Normalize(a).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= minWords)
            .ToList();

    /// <summary>Replaces words with fresh letter-only tokens (5 or more words apart) until the word 5-gram Jaccard
    /// with the original drops to about <paramref name="target"/>; returns the new words and the measured Jaccard.</summary>
    public static (string[] Words, double Jaccard) NearDuplicate(string[] words, double target, Random random, ref int freshCounter)
    {
        int shingles = words.Length - 4;
        // Each replacement far from the others and the ends turns 5 shared shingles into 5 unshared ones: J = (N − 5m) / (N + 5m).
        int replacements = Math.Max(1, (int)Math.Round(shingles * (1 - target) / (5 * (1 + target))));
        int slots = words.Length / 5;
        int[] chosen = Enumerable.Range(0, slots).OrderBy(_ => random.Next()).Take(Math.Min(replacements, slots)).ToArray();
        string[] copy = (string[])words.Clone();
        foreach (int slot in chosen)
        {
            copy[slot * 5] = FreshWord(freshCounter++);
        }

        return (copy, ShingleJaccard(words, copy));
    }

    /// <summary>The true Jaccard similarity of the word 5-gram sets.</summary>
    public static double ShingleJaccard(string[] a, string[] b)
    {
        HashSet<string> sa = Shingles(a);
        HashSet<string> sb = Shingles(b);
        int intersection = sa.Count(sb.Contains);
        return (double)intersection / (sa.Count + sb.Count - intersection);
    }

    private static HashSet<string> Shingles(string[] words) =>
        Enumerable.Range(0, words.Length - 4).Select(i => string.Join(' ', words, i, 5)).ToHashSet(StringComparer.Ordinal);

    private static string FreshWord(int n)
    {
        var chars = new List<char> { 'q', 'x' };
        do
        {
            chars.Add((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);

        return new string([.. chars]);
    }
}
