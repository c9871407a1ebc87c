using CurationPipeline.Classifiers.Internal;

namespace CurationPipeline.Tests.Classifiers.Internal;

public sealed class CharNgramHasherTests
{
    private static List<int> Buckets(string text, int min = 2, int max = 5)
    {
        var hasher = new CharNgramHasher(text, 20, min, max);
        var all = new List<int>();
        Span<int> batch = stackalloc int[CharNgramHasher.MaxLength];
        for (int n; (n = hasher.Fill(batch)) > 0;)
        {
            all.AddRange(batch[..n].ToArray());
        }

        return all;
    }

    [Theory]
    [InlineData("abc", 2, 5)] // " abc ": 4 bigrams, 3 trigrams, 2 four-grams, 1 five-gram
    [InlineData("a", 1, 3)]
    [InlineData("hello world", 3, 3)]
    public void Fill_Text_OneBucketPerNgramOfTheFramedText(string text, int min, int max)
    {
        int framed = text.Length + 2;
        int expected = Enumerable.Range(min, max - min + 1).Sum(n => Math.Max(0, framed - n + 1));

        Assert.Equal(expected, Buckets(text, min, max).Count);
    }

    [Fact]
    public void Fill_CaseAndWhiteSpaceRuns_Normalized()
    {
        Assert.Equal(Buckets("hello world"), Buckets("  Hello \t\n WORLD "));
    }

    [Fact]
    public void Fill_EmptyOrWhiteSpace_NoNgramsLongerThanOne()
    {
        Assert.Empty(Buckets(""));
        Assert.Empty(Buckets("   "));
    }

    [Fact]
    public void Fill_ObfuscatedWord_SharesMoreWithPlainWordThanAnUnrelatedOne()
    {
        HashSet<int> plain = [.. Buckets("you idiot")];
        int obfuscated = Buckets("you id1ot").Count(plain.Contains);
        int unrelated = Buckets("you table").Count(plain.Contains);

        Assert.True(obfuscated > unrelated + 3, $"obfuscated shares {obfuscated}, unrelated {unrelated}");
    }

    [Fact]
    public void Fill_SmallBuffer_SameBucketsAsLargeOne()
    {
        string text = string.Concat(Enumerable.Repeat("stream of chars, ", 40));
        var hasher = new CharNgramHasher(text, 20, 2, 5);
        var all = new List<int>();
        Span<int> large = stackalloc int[1024];
        for (int n; (n = hasher.Fill(large)) > 0;)
        {
            all.AddRange(large[..n].ToArray());
        }

        Assert.Equal(Buckets(text), all);
    }
}
