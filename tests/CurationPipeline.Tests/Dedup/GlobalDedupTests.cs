using CurationPipeline.Dedup;
using CurationPipeline.Storage;

namespace CurationPipeline.Tests.Dedup;

public sealed class GlobalDedupTests
{
    private static readonly MinHashOptions s_options = new();
    private static readonly DocumentSigner s_signer = new(s_options);

    private sealed record Doc(string Id, ushort Priority, string Text);

    [Fact]
    public async Task RunLocalAsync_RealArticlesWithPlantedDuplicates_FindsThemAndMergesNothingElse()
    {
        List<Doc> docs = CorpusWithPlantedDuplicates(out HashSet<string> exactIds, out HashSet<string> nearIds);

        (IReadOnlyList<DropListRow> rows, DedupStats stats) = await RunAsync(docs, files: 5, shuffleSeed: 1, new DedupClusterOptions());

        Assert.All(rows, r => Assert.Equal(Base(r.DocumentId), Base(r.KeptId)));  // unrelated documents never merged
        Assert.All(rows, r => Assert.StartsWith("a", r.KeptId, StringComparison.Ordinal)); // the original (smallest id) is kept
        Assert.Equal(exactIds.Order(StringComparer.Ordinal), rows.Where(r => r.Reason == DedupReasons.Exact).Select(r => r.DocumentId));
        Assert.Equal(nearIds.Order(StringComparer.Ordinal), rows.Where(r => r.Reason == DedupReasons.MinHash).Select(r => r.DocumentId));
        Assert.Equal(exactIds.Count, stats.DroppedExact);
        Assert.Equal(nearIds.Count, stats.DroppedNear);
        Assert.Equal(exactIds.Count, stats.Clusters); // every planted exact copy has a near copy of the same article
        Assert.Equal(exactIds.Count, stats.ClusterSizes[3]);
        Assert.Equal(docs.Count, stats.Documents);
    }

    [Fact]
    public async Task RunLocalAsync_SamePageCapturedTwice_KeepsHighestPriorityThenSmallestId()
    {
        string text = DedupTexts.Articles[3];
        Doc[] docs =
        [
            new("<urn:uuid:b>", 1, text), new("<urn:uuid:c>", 5, text), new("<urn:uuid:a>", 1, text),
            new("<urn:uuid:d>", 5, "  " + text.Replace(",", " ,, ", StringComparison.Ordinal).Replace("\n", "\n\n", StringComparison.Ordinal)),
            new("<urn:uuid:e>", 9, DedupTexts.Articles[4]),
        ];

        (IReadOnlyList<DropListRow> rows, DedupStats stats) = await RunAsync(docs, files: 2, shuffleSeed: 3, new DedupClusterOptions());

        Assert.Equal(["<urn:uuid:a>", "<urn:uuid:b>", "<urn:uuid:d>"], rows.Select(r => r.DocumentId));
        Assert.All(rows, r => Assert.Equal("<urn:uuid:c>", r.KeptId));
        Assert.All(rows, r => Assert.Equal(DedupReasons.Exact, r.Reason));
        Assert.Single(rows.Select(r => r.ClusterId).Distinct());
        Assert.Equal(1, stats.Clusters);
        Assert.Equal(3, stats.DroppedExact);
    }

    [Fact]
    public async Task RunLocalAsync_DifferentInputOrderFilesParallelismAndFanIn_IdenticalDropLists()
    {
        List<Doc> docs = CorpusWithPlantedDuplicates(out _, out _);

        (IReadOnlyList<DropListRow> first, DedupStats firstStats) = await RunAsync(docs, files: 7, shuffleSeed: 11,
            new DedupClusterOptions { MaxDegreeOfParallelism = 1 });
        (IReadOnlyList<DropListRow> second, DedupStats secondStats) = await RunAsync(docs, files: 3, shuffleSeed: 12,
            new DedupClusterOptions { MaxDegreeOfParallelism = 4, MaxOpenRuns = 2, ReadBufferBytes = 256 });

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(firstStats.ClusterSizes, secondStats.ClusterSizes);
        Assert.Equal(firstStats with { ClusterSizes = secondStats.ClusterSizes }, secondStats);
    }

    [Fact]
    public async Task FindCandidatesAndClusterAsync_RanksOfThree_SameDropListAsLocalRun()
    {
        List<Doc> docs = CorpusWithPlantedDuplicates(out _, out _);
        string dir = TestData.NewTempDirectory();
        IReadOnlyList<string> files = await WriteSignatureFilesAsync(docs, dir, files: 4, shuffleSeed: 5, sketches: false);
        var options = new DedupClusterOptions();
        CancellationToken ct = TestContext.Current.CancellationToken;

        var pairFiles = new List<string>();
        for (int rank = 0; rank < 3; rank++)
        {
            string pairs = Path.Combine(dir, $"pairs-{rank}.bin");
            await GlobalDedup.FindCandidatesAsync(LocalStorage.Instance, files, rank, 3, pairs, dir, options, ct);
            pairFiles.Add(pairs);
        }

        string distributed = Path.Combine(dir, "distributed.drops");
        DedupStats distributedStats = await GlobalDedup.ClusterAsync(LocalStorage.Instance, files, pairFiles, distributed, options, ct);
        string local = Path.Combine(dir, "local.drops");
        DedupStats localStats = await GlobalDedup.RunLocalAsync(LocalStorage.Instance, files, Path.Combine(dir, "work"), local, options, ct);

        Assert.Equal(DropListFile.Read(LocalStorage.Instance, local), DropListFile.Read(LocalStorage.Instance, distributed));
        Assert.Equal(localStats.DroppedNear, distributedStats.DroppedNear);
        Assert.Equal(localStats.CandidatePairs, distributedStats.CandidatePairs);
    }

    [Fact]
    public async Task RunLocalAsync_JaccardThreshold_RejectsCandidatesBelowItButKeepsExactDuplicates()
    {
        var random = new Random(99);
        int fresh = 0;
        var docs = new List<Doc>();
        int n = 0;
        foreach (string[] words in DedupTexts.NormalizedWordLists(300).Take(20))
        {
            (string[] near, _) = DedupTexts.NearDuplicate(words, 0.85, random, ref fresh);
            docs.Add(new($"a{n:D3}", 0, string.Join(' ', words)));
            docs.Add(new($"e{n:D3}", 0, string.Join(' ', words)));
            docs.Add(new($"n{n:D3}", 0, string.Join(' ', near)));
            n++;
        }

        (IReadOnlyList<DropListRow> withoutCheck, _) = await RunAsync(docs, files: 2, shuffleSeed: 1, new DedupClusterOptions(), sketches: true);
        (IReadOnlyList<DropListRow> strict, _) = await RunAsync(docs, files: 2, shuffleSeed: 1, new DedupClusterOptions { JaccardThreshold = 0.97 }, sketches: true);
        (IReadOnlyList<DropListRow> loose, _) = await RunAsync(docs, files: 2, shuffleSeed: 1, new DedupClusterOptions { JaccardThreshold = 0.6 }, sketches: true);

        Assert.True(withoutCheck.Count(r => r.Reason == DedupReasons.MinHash) >= 18);
        Assert.Equal(withoutCheck, loose);
        Assert.DoesNotContain(strict, r => r.Reason == DedupReasons.MinHash);
        Assert.Equal(20, strict.Count(r => r.Reason == DedupReasons.Exact));
    }

    [Fact]
    public async Task RunLocalAsync_JaccardThresholdWithoutSketches_Throws()
    {
        Doc[] docs = [new("a", 0, "one two three four five six"), new("b", 0, "one two three four five six")];
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunAsync(docs, files: 1, shuffleSeed: 1, new DedupClusterOptions { JaccardThreshold = 0.8 }, sketches: false));
    }

    [Fact]
    public async Task RunLocalAsync_TruncatedSignatureFile_ThrowsInvalidDataNamingTheFile()
    {
        string dir = TestData.NewTempDirectory();
        IReadOnlyList<string> files = await WriteSignatureFilesAsync([new("a", 0, "some text here")], dir, files: 1, shuffleSeed: 1, sketches: false);
        byte[] bytes = await File.ReadAllBytesAsync(files[0], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(files[0], bytes[..^3], TestContext.Current.CancellationToken);

        InvalidDataException e = await Assert.ThrowsAsync<InvalidDataException>(() => GlobalDedup.RunLocalAsync(
            LocalStorage.Instance, files, dir, Path.Combine(dir, "drops"), new DedupClusterOptions(), TestContext.Current.CancellationToken));
        Assert.Contains(files[0], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunLocalAsync_NoDocuments_EmptyDropListAndZeroStats()
    {
        (IReadOnlyList<DropListRow> rows, DedupStats stats) = await RunAsync([], files: 2, shuffleSeed: 1, new DedupClusterOptions());
        Assert.Empty(rows);
        Assert.Equal(new DedupStats(), stats);
    }

    [Fact]
    public async Task RunLocalAsync_FilesWithDifferentMinHashOptions_ThrowsInvalidData()
    {
        string dir = TestData.NewTempDirectory();
        string[] paths = [Path.Combine(dir, "a.sig"), Path.Combine(dir, "b.sig")];
        var nemo = new MinHashOptions { ShingleKind = ShingleKind.Char, ShingleSize = 24, Bands = 20, Rows = 13 };
        CancellationToken ct = TestContext.Current.CancellationToken;
        var first = new SignatureFileWriter(s_options, 0, includeSketches: false);
        first.Add(s_signer.Sign("a", 0, "some text"));
        await first.WriteAsync(LocalStorage.Instance, paths[0], ct);
        var second = new SignatureFileWriter(nemo, 1, includeSketches: false);
        second.Add(new DocumentSigner(nemo).Sign("b", 0, "some text"));
        await second.WriteAsync(LocalStorage.Instance, paths[1], ct);

        InvalidDataException e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            GlobalDedup.RunLocalAsync(LocalStorage.Instance, paths, dir, Path.Combine(dir, "drops"), new DedupClusterOptions(), ct));
        Assert.Contains("b.sig", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunLocalAsync_Cancelled_ThrowsAndWritesNoDropList()
    {
        string dir = TestData.NewTempDirectory();
        IReadOnlyList<string> files = await WriteSignatureFilesAsync(CorpusWithPlantedDuplicates(out _, out _), dir, files: 2, shuffleSeed: 1, sketches: false);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        string drops = Path.Combine(dir, "drops");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            GlobalDedup.RunLocalAsync(LocalStorage.Instance, files, Path.Combine(dir, "work"), drops, new DedupClusterOptions(), cts.Token));
        Assert.False(File.Exists(drops));
    }

    [Fact]
    public async Task DropListFileRead_Truncated_ThrowsInvalidData()
    {
        string dir = TestData.NewTempDirectory();
        string path = Path.Combine(dir, "drops");
        await DropListFile.WriteAsync(LocalStorage.Instance, path, [new DropListRow("x", "a.warc.gz", 12, 7, "y", DedupReasons.Exact)], TestContext.Current.CancellationToken);
        Assert.Single(DropListFile.Read(LocalStorage.Instance, path));
        byte[] bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes[..^4], TestContext.Current.CancellationToken);

        Assert.Throws<InvalidDataException>(() => DropListFile.Read(LocalStorage.Instance, path));
    }

    [Theory]
    [InlineData(1.5, 64, 65536, 1)]
    [InlineData(double.NaN, 64, 65536, 1)]
    [InlineData(null, 1, 65536, 1)]
    [InlineData(null, 64, 8, 1)]
    [InlineData(null, 64, 65536, 0)]
    public void DedupClusterOptionsValidate_OutOfRange_Throws(double? threshold, int maxOpenRuns, int bufferBytes, int parallelism)
    {
        var options = new DedupClusterOptions
        {
            JaccardThreshold = threshold, MaxOpenRuns = maxOpenRuns, ReadBufferBytes = bufferBytes, MaxDegreeOfParallelism = parallelism,
        };
        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }

    /// <summary>Every article as <c>a{i}</c>; for articles of 200+ words an exact copy <c>e{i}</c> (re-punctuated, spaced)
    /// and a near copy <c>n{i}</c> at Jaccard 0.95 (detected with probability ≈ 1).</summary>
    private static List<Doc> CorpusWithPlantedDuplicates(out HashSet<string> exactIds, out HashSet<string> nearIds)
    {
        var random = new Random(42);
        int fresh = 0;
        var docs = new List<Doc>();
        exactIds = [];
        nearIds = [];
        IReadOnlyList<string> articles = DedupTexts.Articles;
        for (int i = 0; i < articles.Count; i++)
        {
            docs.Add(new($"a{i:D3}", 0, articles[i]));
            string[] words = TextNormalizer.Normalize(articles[i]).Split(' ');
            if (words.Length >= 200 && i % 3 == 0)
            {
                docs.Add(new($"e{i:D3}", 0, "  " + articles[i].Replace(",", " ,, ", StringComparison.Ordinal) + " !!"));
                exactIds.Add($"e{i:D3}");
                (string[] near, _) = DedupTexts.NearDuplicate(words, 0.95, random, ref fresh);
                docs.Add(new($"n{i:D3}", 0, string.Join(' ', near)));
                nearIds.Add($"n{i:D3}");
            }
        }

        return docs;
    }

    private static string Base(string id) => id[1..];

    private static async Task<(IReadOnlyList<DropListRow> Rows, DedupStats Stats)> RunAsync(
        IReadOnlyList<Doc> docs, int files, int shuffleSeed, DedupClusterOptions options, bool sketches = false)
    {
        string dir = TestData.NewTempDirectory();
        IReadOnlyList<string> paths = await WriteSignatureFilesAsync(docs, dir, files, shuffleSeed, sketches);
        string drops = Path.Combine(dir, "drops.bin");
        DedupStats stats = await GlobalDedup.RunLocalAsync(LocalStorage.Instance, paths, Path.Combine(dir, "work"), drops, options,
            TestContext.Current.CancellationToken);
        return (DropListFile.Read(LocalStorage.Instance, drops), stats);
    }

    /// <summary>Signs the documents in a shuffled order and deals them round-robin into <paramref name="files"/> signature files.</summary>
    private static async Task<IReadOnlyList<string>> WriteSignatureFilesAsync(IReadOnlyList<Doc> docs, string dir, int files, int shuffleSeed, bool sketches)
    {
        var random = new Random(shuffleSeed);
        Doc[] shuffled = [.. docs.OrderBy(_ => random.Next())];
        var writers = Enumerable.Range(0, files).Select(r => new SignatureFileWriter(s_options, r, sketches)).ToArray();
        for (int i = 0; i < shuffled.Length; i++)
        {
            writers[i % files].Add(s_signer.Sign(shuffled[i].Id, shuffled[i].Priority, shuffled[i].Text));
        }

        var paths = new List<string>();
        for (int r = 0; r < files; r++)
        {
            string path = Path.Combine(dir, $"shard-{r:D3}{SignatureFileWriter.FileExtension}");
            await writers[r].WriteAsync(LocalStorage.Instance, path, TestContext.Current.CancellationToken);
            paths.Add(path);
        }

        return paths;
    }
}
