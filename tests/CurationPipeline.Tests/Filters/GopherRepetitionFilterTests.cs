using CurationPipeline.Filters;

namespace CurationPipeline.Tests.Filters;

public sealed class GopherRepetitionFilterTests
{
    private static readonly GopherRepetitionFilter s_filter = new(new GopherRepetitionOptions());
    private static readonly GopherRepetitionSignals s_clean = new(100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void ComputeSignals_RepeatedLine_HandComputedValues()
    {
        // "aaa\nbbb\naaa\nccc": 15 chars, 1 paragraph, lines [aaa bbb aaa ccc] with 1 repeat of 3 chars.
        GopherRepetitionSignals s = s_filter.ComputeSignals("aaa\nbbb\naaa\nccc");
        Assert.Equal(15, s.TextLength);
        Assert.Equal(0, s.DupParaFrac);
        Assert.Equal(0.25, s.DupLineFrac, 10); // 1 / 4
        Assert.Equal(3 / 15.0, s.DupLineCharFrac, 10);
        Assert.Equal(7 / 15.0, s.Top2GramCharFrac, 10); // all 2-grams once; first is "aaa bbb" (7 chars) × 1
        Assert.Equal(11 / 15.0, s.Top3GramCharFrac, 10); // "aaa bbb aaa"
        Assert.Equal(15 / 15.0, s.Top4GramCharFrac, 10); // the whole text
        Assert.Equal(0, s.Dup5GramCharFrac); // fewer than 5 words
        Assert.Equal(FilterVerdict.Drop(FilterReasons.RepetitionTop2Gram), s_filter.Decide(s));
    }

    [Fact]
    public void ComputeSignals_RepeatedParagraph_HandComputedValues()
    {
        // "p one\n\np two\n\np one": 19 chars; paragraphs [p one, p two, p one]: 1 of 3 repeats, 5 chars.
        GopherRepetitionSignals s = s_filter.ComputeSignals("p one\n\np two\n\np one");
        Assert.Equal(1 / 3.0, s.DupParaFrac, 10);
        Assert.Equal(5 / 19.0, s.DupParaCharFrac, 10);
        Assert.Equal(1 / 3.0, s.DupLineFrac, 10); // lines split on runs of \n are the same three pieces
        Assert.Equal(10 / 19.0, s.Top2GramCharFrac, 10); // "p one" occurs twice: 5 × 2
        Assert.Equal(FilterVerdict.Drop(FilterReasons.RepetitionDupParaFrac), s_filter.Decide(s));
    }

    [Fact]
    public void ComputeSignals_DuplicateNGrams_ScanJumpsPastRepeats()
    {
        // 15 words "a b c d e" × 3, 29 chars. 5-grams: positions 0-4 are new; position 5 repeats "a b c d e" (+9 chars) and
        // jumps to 10, which repeats again (+9): 18 / 29. Without the jump, positions 5..10 would count 6 × 9 = 54 > 29.
        // 6-grams: 0-4 new; 5 repeats "a b c d e a" (+11) and jumps to 11, past the last 6-gram (9): 11 / 29.
        GopherRepetitionSignals s = s_filter.ComputeSignals("a b c d e a b c d e a b c d e");
        Assert.Equal(29, s.TextLength);
        Assert.Equal(18 / 29.0, s.Dup5GramCharFrac, 10);
        Assert.Equal(11 / 29.0, s.Dup6GramCharFrac, 10);
        // 10-grams: positions 0..5; 0-4 new, 5 ("a b c d e a b c d e", 19 chars) repeats position 0: 19 / 29.
        Assert.Equal(19 / 29.0, s.Dup10GramCharFrac, 10);
    }

    [Fact]
    public void ComputeSignals_TopNGramTie_FirstSeenWins()
    {
        // "xx y xx y zzzz q zzzz q": 2-grams "xx y"(×2) and "zzzz q"(×2) tie on count; the first seen ("xx y", 4 chars) wins:
        // 4 × 2 = 8 of 23 chars, not 6 × 2 = 12.
        GopherRepetitionSignals s = s_filter.ComputeSignals("xx y xx y zzzz q zzzz q");
        Assert.Equal(8 / 23.0, s.Top2GramCharFrac, 10);
    }

    [Fact]
    public void ComputeSignals_TopNGramTieReachedLater_FirstSeenStillWins()
    {
        // "aa b b aa": 1-word grams aside, 2-grams are "aa b", "b b", "b aa" (all once): the first, "aa b" (4 chars), wins: 4 / 9.
        // "aa bb cc bb cc aa bb": "bb cc" reaches 2 first, then "aa bb" (seen earlier) also reaches 2 and wins: 5 × 2 / 20.
        Assert.Equal(4 / 9.0, s_filter.ComputeSignals("aa b b aa").Top2GramCharFrac, 10);
        Assert.Equal(10 / 20.0, s_filter.ComputeSignals("aa bb cc bb cc aa bb").Top2GramCharFrac, 10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ComputeSignals_RandomRepetitiveText_MatchesLiteralPortOfDatatrove(int seed)
    {
        // Words from a 6-word vocabulary force many repeated n-grams; the reference below is datatrove's code translated
        // literally (joined strings, a set, Counter.most_common), so the hashed table must give identical character counts.
        var random = new Random(seed);
        string[] vocabulary = ["a", "bb", "ccc", "dd", "e", "fff"];
        string[] words = Enumerable.Range(0, 400).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
        string text = string.Join(' ', words);
        GopherRepetitionSignals s = s_filter.ComputeSignals(text);
        double[] top = [s.Top2GramCharFrac, s.Top3GramCharFrac, s.Top4GramCharFrac];
        double[] dup = [s.Dup5GramCharFrac, s.Dup6GramCharFrac, s.Dup7GramCharFrac, s.Dup8GramCharFrac, s.Dup9GramCharFrac, s.Dup10GramCharFrac];
        for (int n = 2; n <= 4; n++)
        {
            Assert.Equal(ReferenceTop(words, n) / (double)text.Length, top[n - 2], 12);
        }

        for (int n = 5; n <= 10; n++)
        {
            Assert.Equal(ReferenceAllDuplicate(words, n) / (double)text.Length, dup[n - 5], 12);
        }
    }

    private static string[] NGrams(string[] words, int n) =>
        Enumerable.Range(0, words.Length - n + 1).Select(i => string.Join(' ', words, i, n)).ToArray();

    private static long ReferenceTop(string[] words, int n)
    {
        var counts = new Dictionary<string, int>();
        var order = new List<string>();
        foreach (string gram in NGrams(words, n))
        {
            if (!counts.TryAdd(gram, 1))
            {
                counts[gram]++;
            }
            else
            {
                order.Add(gram);
            }
        }

        string best = order.OrderByDescending(g => counts[g]).First(); // stable: first seen wins ties
        return (long)best.Length * counts[best];
    }

    private static long ReferenceAllDuplicate(string[] words, int n)
    {
        var unique = new HashSet<string>();
        long repeated = 0;
        int idx = 0;
        while (idx < words.Length - n + 1)
        {
            string gram = string.Join(' ', words, idx, n);
            if (unique.Contains(gram))
            {
                repeated += gram.Length;
                idx += n;
            }
            else
            {
                unique.Add(gram);
                idx++;
            }
        }

        return repeated;
    }

    public static TheoryData<string, Func<GopherRepetitionSignals, double, GopherRepetitionSignals>, double> Thresholds => new()
    {
        { FilterReasons.RepetitionDupParaFrac, (s, v) => s with { DupParaFrac = v }, 0.30 },
        { FilterReasons.RepetitionDupParaCharFrac, (s, v) => s with { DupParaCharFrac = v }, 0.20 },
        { FilterReasons.RepetitionDupLineFrac, (s, v) => s with { DupLineFrac = v }, 0.30 },
        { FilterReasons.RepetitionDupLineCharFrac, (s, v) => s with { DupLineCharFrac = v }, 0.20 },
        { FilterReasons.RepetitionTop2Gram, (s, v) => s with { Top2GramCharFrac = v }, 0.20 },
        { FilterReasons.RepetitionTop3Gram, (s, v) => s with { Top3GramCharFrac = v }, 0.18 },
        { FilterReasons.RepetitionTop4Gram, (s, v) => s with { Top4GramCharFrac = v }, 0.16 },
        { FilterReasons.RepetitionDuplicated5Grams, (s, v) => s with { Dup5GramCharFrac = v }, 0.15 },
        { FilterReasons.RepetitionDuplicated6Grams, (s, v) => s with { Dup6GramCharFrac = v }, 0.14 },
        { FilterReasons.RepetitionDuplicated7Grams, (s, v) => s with { Dup7GramCharFrac = v }, 0.13 },
        { FilterReasons.RepetitionDuplicated8Grams, (s, v) => s with { Dup8GramCharFrac = v }, 0.12 },
        { FilterReasons.RepetitionDuplicated9Grams, (s, v) => s with { Dup9GramCharFrac = v }, 0.11 },
        { FilterReasons.RepetitionDuplicated10Grams, (s, v) => s with { Dup10GramCharFrac = v }, 0.10 },
    };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void Decide_AtThreshold_KeepsAndAboveDrops(string reason, Func<GopherRepetitionSignals, double, GopherRepetitionSignals> set, double threshold)
    {
        Assert.Equal(FilterVerdict.Kept, s_filter.Decide(set(s_clean, threshold)));
        Assert.Equal(FilterVerdict.Drop(reason), s_filter.Decide(set(s_clean, threshold + 1e-9)));
    }

    [Fact]
    public void Decide_DisabledThreshold_Keeps()
    {
        var filter = new GopherRepetitionFilter(new GopherRepetitionOptions { DupLineFrac = null });
        Assert.Equal(FilterVerdict.Kept, filter.Decide(s_clean with { DupLineFrac = 1 }));
    }

    [Fact]
    public void Evaluate_Empty_DropsAsEmpty() =>
        Assert.Equal(FilterVerdict.Drop(FilterReasons.RepetitionEmpty), s_filter.Evaluate("", null).Verdict);

    [Fact]
    public void Evaluate_ShortUniqueText_DropsOnTopTwoGramAsDatatrove()
    {
        // All 2-grams occur once, so the first ("Curation pipelines", 18 chars) is the top one: 18 × 1 / 37 = 0.49 > 0.20.
        // datatrove's Counter.most_common(1) does the same on short texts; the Gopher rules assume real documents.
        Assert.Equal(FilterVerdict.Drop(FilterReasons.RepetitionTop2Gram), s_filter.Evaluate("Curation pipelines remove boilerplate", null).Verdict);
    }

    [Fact]
    public void Evaluate_RealArticles_MostAreKept()
    {
        IReadOnlyList<string> articles = RealText.Articles();
        int kept = articles.Count(a => s_filter.Evaluate(a, null).Verdict.Keep);
        // Edited news articles rarely repeat themselves; a handful of short ones fail the top-n-gram rule.
        Assert.True(kept >= articles.Count * 8 / 10, $"{kept} of {articles.Count} kept");
    }
}
