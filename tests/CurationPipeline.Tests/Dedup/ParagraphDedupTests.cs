using System.IO.Hashing;
using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Dedup;

/// <summary>Paragraph dedup's pieces on real article text: the splitter, the Bloom filter and the identity-ordered decision step.</summary>
public sealed class ParagraphDedupTests
{
    private const string Footer = "Subscribe to our newsletter for the latest news and offers.";
    private const string Cookies = "We use cookies to improve your experience on our site.";

    [Fact]
    public void Remove_RealArticleWithRemovedParagraphs_KeepsTheOthersInOrder()
    {
        string article = DedupTexts.Articles.First(a => Paragraphs(a).Count >= 4);
        List<string> paragraphs = Paragraphs(article);
        var hashes = new List<ulong>();
        ParagraphSplitter.Hash(article, hashes);
        Assert.Equal(paragraphs.Count, hashes.Count);

        string rewritten = ParagraphSplitter.Remove(article, [0, 2]);

        Assert.Equal([.. paragraphs.Where((_, i) => i is not 0 and not 2)], Paragraphs(rewritten));
        Assert.DoesNotContain("\n\n\n", rewritten, StringComparison.Ordinal);
        Assert.Equal(paragraphs, Paragraphs(ParagraphSplitter.Remove(article, [])));
        Assert.Equal("", ParagraphSplitter.Remove(article, [.. Enumerable.Range(0, paragraphs.Count)]));
    }

    [Fact]
    public void Hash_SameLineWithOtherSurroundingSpace_SameHash()
    {
        var a = new List<ulong>();
        var b = new List<ulong>();
        ParagraphSplitter.Hash(Footer + "\n\n" + Cookies, a);
        ParagraphSplitter.Hash("  " + Footer + " \r\n" + Cookies + "\t", b);
        Assert.Equal(a, b);
        Assert.Equal(2, a.Distinct().Count());
    }

    [Fact]
    public void Hash_ShorterThanMinChars_Unremovable()
    {
        var hashes = new List<ulong>();

        ParagraphSplitter.Hash("}\n  return x;  \n\n" + Footer, hashes, minChars: 10);

        Assert.Equal(3, hashes.Count); // numbering unchanged
        Assert.Equal([ParagraphSplitter.Unremovable, ParagraphSplitter.Unremovable], hashes[..2]);
        Assert.NotEqual(ParagraphSplitter.Unremovable, hashes[2]);
    }

    [Fact]
    public async Task RunAsync_CodeLinesUnderMinChars_NeverRemoved()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string directory = TestData.NewTempDirectory();
        const string Code = "int Add(int a, int b)\n{\n    return a + b;\n}";
        var documents = new List<ParagraphHashes>();
        foreach (string id in new[] { "a", "b" })
        {
            var hashes = new List<ulong>();
            ParagraphSplitter.Hash($"Example {id}:\n{Code}\n{Footer}", hashes, minChars: 20);
            documents.Add(new ParagraphHashes(id, "input.jsonl", documents.Count, [.. hashes]));
        }

        string hashFile = Path.Combine(directory, "d" + ParagraphHashFile.FileExtension);
        await ParagraphHashFile.WriteAsync(LocalStorage.Instance, hashFile, [.. documents], ct);
        string removals = Path.Combine(directory, "removals.bin");
        var options = new ParagraphDedupOptions { Enabled = true, ExpectedParagraphs = 1_000, FalsePositiveRate = 1e-9, MinChars = 20 };

        ParagraphDedupStats stats = await ParagraphDedup.RunAsync(LocalStorage.Instance, [hashFile], new HashSet<UInt128>(), removals, options, 4096, ct);

        // b keeps its braces and return line (short); it loses the repeated signature line (21 chars) and the footer.
        Assert.Equal(2, stats.ParagraphsRemoved);
        Assert.Equal([1, 5], ParagraphRemovalFile.Read(LocalStorage.Instance, removals)[documents[1].Key].Removed);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.001)]
    public void CheckAndAdd_AtTheExpectedCount_FalsePositiveRateNearTheConfiguredOne(double rate)
    {
        const int Expected = 100_000;
        var bloom = new BloomFilter(Expected, rate);
        for (int i = 0; i < Expected; i++)
        {
            bloom.CheckAndAdd(HashOf(i));
        }

        int falsePositives = 0;
        for (int i = Expected; i < 2 * Expected; i++)
        {
            falsePositives += bloom.MayContain(HashOf(i)) ? 1 : 0;
        }

        Assert.InRange(falsePositives / (double)Expected, rate / 3, 3 * rate);
        Assert.False(new BloomFilter(Expected, rate).CheckAndAdd(1));
    }

    [Fact]
    public async Task RunAsync_SameDocumentsInOneOrFiveFiles_SameDecisionsAsAnExactSetInIdentityOrder()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string directory = TestData.NewTempDirectory();
        List<ParagraphHashes> documents = BoilerplatedArticles(40);
        var random = new Random(5);
        await ParagraphHashFile.WriteAsync(LocalStorage.Instance, Path.Combine(directory, "one" + ParagraphHashFile.FileExtension), [.. documents], ct);
        string[] five = [.. Enumerable.Range(0, 5).Select(i => Path.Combine(directory, $"five-{i}" + ParagraphHashFile.FileExtension))];
        IGrouping<int, ParagraphHashes>[] groups = [.. documents.GroupBy(_ => random.Next(5))];
        for (int i = 0; i < five.Length; i++)
        {
            await ParagraphHashFile.WriteAsync(LocalStorage.Instance, five[i], [.. groups.Where(g => g.Key == i).SelectMany(g => g)], ct);
        }

        HashSet<UInt128> dropped = [documents[7].Key];
        var options = new ParagraphDedupOptions { Enabled = true, ExpectedParagraphs = 10_000, FalsePositiveRate = 1e-9 };
        string fromOne = Path.Combine(directory, "one.bin");
        string fromFive = Path.Combine(directory, "five.bin");
        ParagraphDedupStats a = await ParagraphDedup.RunAsync(LocalStorage.Instance, [Path.Combine(directory, "one" + ParagraphHashFile.FileExtension)], dropped, fromOne, options, 4096, ct);
        ParagraphDedupStats b = await ParagraphDedup.RunAsync(LocalStorage.Instance, [.. five.Reverse()], dropped, fromFive, options, 4096, ct);

        Assert.Equal(await File.ReadAllBytesAsync(fromOne, ct), await File.ReadAllBytesAsync(fromFive, ct));
        Assert.Equal(a, b);
        Dictionary<UInt128, ParagraphRemoval> decided = ParagraphRemovalFile.Read(LocalStorage.Instance, fromOne);
        Dictionary<UInt128, int[]> expected = ExactOracle(documents, dropped);
        Assert.Equal(expected.Keys.Order(), decided.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, decided[e.Key].Removed));
        Assert.Equal(39, a.Documents);
        Assert.Equal(2, a.DocumentsEmptied); // the two footer-only documents sort last
        Assert.Equal(expected.Values.Sum(r => r.Length), a.ParagraphsRemoved);
    }

    /// <summary>Articles (ids a00…) each ending with the same two boilerplate lines, and two documents (z0, z1) of boilerplate only.</summary>
    internal static List<ParagraphHashes> BoilerplatedArticles(int count)
    {
        var documents = new List<ParagraphHashes>();
        foreach ((string text, string id) in Texts(count))
        {
            var hashes = new List<ulong>();
            ParagraphSplitter.Hash(text, hashes);
            documents.Add(new ParagraphHashes(id, "input.jsonl", documents.Count, [.. hashes]));
        }

        return documents;
    }

    /// <summary>The texts of <see cref="BoilerplatedArticles"/> with their ids.</summary>
    internal static IEnumerable<(string Text, string Id)> Texts(int count)
    {
        IReadOnlyList<string> articles = DedupTexts.Articles;
        for (int i = 0; i < count - 2; i++)
        {
            yield return (articles[i] + "\n\n" + Footer + "\n" + Cookies, $"a{i:D2}");
        }

        yield return (Footer, "z0");
        yield return (Cookies + "\n" + Footer, "z1");
    }

    /// <summary>What paragraph dedup must remove, with an exact set instead of a Bloom filter, documents in identity order.</summary>
    internal static Dictionary<UInt128, int[]> ExactOracle(IEnumerable<ParagraphHashes> documents, HashSet<UInt128> dropped)
    {
        var seen = new HashSet<ulong>();
        var removals = new Dictionary<UInt128, int[]>();
        foreach (ParagraphHashes document in documents.Where(d => !dropped.Contains(d.Key)).Order(Comparer<ParagraphHashes>.Create(ParagraphHashes.Compare)))
        {
            int[] removed = [.. document.Hashes.Select((h, i) => (h, i)).Where(p => !seen.Add(p.h)).Select(p => p.i)];
            if (removed.Length > 0)
            {
                removals[document.Key] = removed;
            }
        }

        return removals;
    }

    private static List<string> Paragraphs(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static ulong HashOf(int i) => XxHash3.HashToUInt64(BitConverter.GetBytes(i));
}
