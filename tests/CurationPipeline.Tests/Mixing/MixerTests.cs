using System.Buffers.Binary;
using CurationPipeline.Dedup;
using CurationPipeline.Mixing;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Tests.Mixing;

public sealed class MixerTests
{
    private const int Documents = 2000; // about 220k tokens: code 44k, math 44k, multilingual 22k, general 110k

    private static readonly Dictionary<string, double> s_llama3 = new(StringComparer.Ordinal)
    {
        ["general"] = 0.50,
        ["math"] = 0.25,
        ["code"] = 0.17,
        ["multilingual"] = 0.08,
    };

    private static MixOptions Options(ulong seed = 42, long totalTokens = 200_000, IReadOnlyDictionary<string, double>? targets = null) => new()
    {
        Seed = seed,
        TotalTokens = totalTokens,
        Domains =
        [
            new DomainRule { Domain = "code", When = new MixCondition { Column = "code", AtLeast = 0.5 } },
            new DomainRule { Domain = "math", When = new MixCondition { Column = "math", AtLeast = 0.5 } },
            new DomainRule { Domain = "multilingual", When = new MixCondition { Column = "language", IsNot = "en" } },
        ],
        Targets = targets ?? s_llama3,
        MaxEpochs = 3,
        ValidationTokensPerDomain = 2_000,
        ShuffleBucketTokens = 30_000, // several buckets, so the two-stage shuffle really runs in stages
        TokensPerShard = 60_000,
    };

    private static Task<MixReport> MixAsync(string tagged, string output, MixOptions options) =>
        new Mixer(LocalStorage.Instance, NullLogger<Mixer>.Instance).RunAsync(tagged, output, options, TestContext.Current.CancellationToken);

    [Fact]
    public async Task RunAsync_ConfiguredFilesMissing_FailBeforeAnyWorkNamingTheKey()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct);

        var dropList = await Assert.ThrowsAsync<MixConfigException>(() => MixAsync(tagged, Path.Combine(tagged, "a"), Options() with { DropList = "dedup/typo.bin" }));
        var rehydration = await Assert.ThrowsAsync<MixConfigException>(() => MixAsync(tagged, Path.Combine(tagged, "b"), Options() with { Rehydration = new Dictionary<int, int> { [2] = 2 } }));
        Directory.CreateDirectory(Path.Combine(tagged, "signatures"));
        await File.WriteAllTextAsync(Path.Combine(tagged, "signatures", "tag-00000-00000.sig"), "", ct);
        var notDeduplicated = await Assert.ThrowsAsync<MixConfigException>(() => MixAsync(tagged, Path.Combine(tagged, "c"), Options()));

        Assert.Contains("'drop_list'", dropList.Message, StringComparison.Ordinal);
        Assert.Contains("typo.bin", dropList.Message, StringComparison.Ordinal);
        Assert.Contains("'rehydration'", rehydration.Message, StringComparison.Ordinal);
        Assert.Contains("finish the dedup pass", notDeduplicated.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(tagged, "a")) || Directory.Exists(Path.Combine(tagged, "b")) || Directory.Exists(Path.Combine(tagged, "c")));
    }

    [Fact]
    public async Task RunAsync_DropListOptedOut_MixesWithoutDedup()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct);
        Directory.CreateDirectory(Path.Combine(tagged, "signatures"));
        await File.WriteAllTextAsync(Path.Combine(tagged, "signatures", "tag-00000-00000.sig"), "", ct);

        MixReport report = await MixAsync(tagged, Path.Combine(tagged, "out"), Options() with { DropList = "" });

        Assert.False(report.DropListApplied);
        Assert.Throws<ArgumentOutOfRangeException>(() => (Options() with { DropList = "", Rehydration = new Dictionary<int, int> { [2] = 2 } }).Validate());
    }

    [Fact]
    public async Task RunAsync_EnoughTokens_AchievedShareFromShardsWithinOnePointOfTarget()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct);
        string output = Path.Combine(tagged, "mix");

        MixReport report = await MixAsync(tagged, output, Options());

        List<TokenizedDocument> rows = await TaggedData.ReadShardsAsync(Path.Combine(output, "train"), ct);
        long total = rows.Sum(r => (long)r.InputIds.Length);
        Assert.InRange(total, 199_000, 201_000);
        foreach ((string domain, double target) in s_llama3)
        {
            double achieved = rows.Where(r => r.Domain == domain).Sum(r => (long)r.InputIds.Length) / (double)total;
            Assert.InRange(achieved, target - 0.01, target + 0.01);
            Assert.Equal(achieved, report.Domains.Single(d => d.Domain == domain).AchievedShare, 6);
        }

        // Every row keeps the domain the rules give its id, and its tokens end with the end-of-document id.
        Assert.All(rows, r => Assert.Equal(TaggedData.DomainOf(int.Parse(r.Id.AsSpan(4))), r.Domain));
        Assert.All(rows, r => Assert.Equal(TaggedData.Metadata.EndOfDocumentId, r.InputIds.Span[^1]));
        // math is up-sampled (50k of ~42k available), general down-sampled: both directions ran.
        Assert.InRange(report.Domains.Single(d => d.Domain == "math").Epochs, 1.01, 3);
        Assert.InRange(report.Domains.Single(d => d.Domain == "general").Epochs, 0.1, 0.99);
        Assert.Empty(report.Warnings);
        // Shuffled globally: the first 50 rows already mix every domain.
        Assert.Equal(4, rows.Take(50).Select(r => r.Domain).Distinct().Count());
        Assert.True(File.Exists(Path.Combine(output, MixReport.FileName)));
        Assert.DoesNotContain(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories), f => f.Contains("bucket-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SameSeed_SameOutputBytes_OtherSeed_OtherOrder()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct);
        MixOptions options = Options() with { LlmcBin = true, MegatronBin = true };

        await MixAsync(tagged, Path.Combine(tagged, "a"), options);
        await MixAsync(tagged, Path.Combine(tagged, "b"), options);
        await MixAsync(tagged, Path.Combine(tagged, "c"), options with { Seed = 43 });

        string[] files = ShardFiles(Path.Combine(tagged, "a"));
        Assert.Contains(files, f => f.StartsWith("train", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("bin", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("megatron", StringComparison.Ordinal));
        Assert.Equal(files, ShardFiles(Path.Combine(tagged, "b")));
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(tagged, "a", file)), File.ReadAllBytes(Path.Combine(tagged, "b", file)));
        }

        string firstTrain = files.First(f => f.StartsWith("train", StringComparison.Ordinal));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(tagged, "a", firstTrain)), File.ReadAllBytes(Path.Combine(tagged, "c", firstTrain)));
    }

    [Fact]
    public async Task RunAsync_SameRowsInOtherShardsAndOrder_SameOutputBytes()
    {
        // Thread timing decides which shard and row a tag task writes a document to; the mix must not depend on it.
        CancellationToken ct = TestContext.Current.CancellationToken;
        string forward = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct);
        string backward = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct, reversed: true);
        MixOptions options = Options() with { LlmcBin = true, MegatronBin = true };

        MixReport a = await MixAsync(forward, Path.Combine(forward, "mix"), options);
        MixReport b = await MixAsync(backward, Path.Combine(backward, "mix"), options);

        string[] files = ShardFiles(Path.Combine(forward, "mix"));
        Assert.Equal(files, ShardFiles(Path.Combine(backward, "mix")));
        Assert.True(a.Domains.Any(d => Math.Abs(d.Epochs - Math.Round(d.Epochs)) > 0.01), "the plan needs a partial epoch, which is where a sample is drawn");
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(forward, "mix", file)), File.ReadAllBytes(Path.Combine(backward, "mix", file)));
        }

        Assert.Equal(a.Files, b.Files);
    }

    [Fact]
    public async Task RunAsync_DomainTooSmall_RepeatsAtMostMaxEpochsAndWarns()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct);
        string output = Path.Combine(tagged, "mix");
        // multilingual (~20k training tokens) asked for 40% of 400k = 160k tokens: 8 epochs, capped at 3.
        // math (~40k) asked for 20% = 80k: 2 epochs, capped at its own limit of 1.
        var targets = new Dictionary<string, double> { ["general"] = 0.3, ["math"] = 0.2, ["code"] = 0.1, ["multilingual"] = 0.4 };
        MixOptions options = Options(totalTokens: 400_000, targets: targets) with { MaxEpochsPerDomain = new Dictionary<string, int> { ["math"] = 1 } };

        MixReport report = await MixAsync(tagged, output, options);

        List<TokenizedDocument> rows = await TaggedData.ReadShardsAsync(Path.Combine(output, "train"), ct);
        Assert.All(rows.GroupBy(r => r.Id), g => Assert.InRange(g.Count(), 1, g.First().Domain == "math" ? 1 : 3));
        Assert.Contains(rows.GroupBy(r => r.Id), g => g.Count() == 3); // up-sampling did repeat
        DomainMixReport multilingual = report.Domains.Single(d => d.Domain == "multilingual");
        Assert.True(multilingual.Short);
        Assert.Equal(3 * multilingual.AvailableTokens, multilingual.Tokens);
        Assert.Equal(3, multilingual.MaxCopies);
        DomainMixReport math = report.Domains.Single(d => d.Domain == "math");
        Assert.True(math.Short);
        Assert.Equal(math.AvailableTokens, math.Tokens);
        Assert.Contains(report.Warnings, w => w.Contains("multilingual", StringComparison.Ordinal));
        Assert.True(multilingual.AchievedShare < 0.4 - 0.05);
    }

    [Fact]
    public async Task RunAsync_ValidationSet_NeverInTrainingAndSameForEveryMix()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct);
        var otherTargets = new Dictionary<string, double> { ["general"] = 0.25, ["math"] = 0.25, ["code"] = 0.25, ["multilingual"] = 0.25 };

        MixReport first = await MixAsync(tagged, Path.Combine(tagged, "a"), Options());
        await MixAsync(tagged, Path.Combine(tagged, "b"), Options(seed: 9, totalTokens: 100_000, targets: otherTargets));

        List<TokenizedDocument> validation = await TaggedData.ReadShardsAsync(Path.Combine(tagged, "a", "validation"), ct);
        List<TokenizedDocument> train = await TaggedData.ReadShardsAsync(Path.Combine(tagged, "a", "train"), ct);
        var validationIds = validation.Select(r => r.Id).ToHashSet();
        Assert.DoesNotContain(train, r => validationIds.Contains(r.Id));
        Assert.Equal(validationIds.Count, validation.Count); // never repeated
        foreach (string domain in s_llama3.Keys)
        {
            long tokens = validation.Where(r => r.Domain == domain).Sum(r => (long)r.InputIds.Length);
            Assert.InRange(tokens, 2_000, 2_200); // the budget plus less than one document
            Assert.Equal(tokens, first.Domains.Single(d => d.Domain == domain).ValidationTokens);
        }

        string[] files = Directory.GetFiles(Path.Combine(tagged, "a", "validation")).Select(Path.GetFileName).Order().ToArray()!;
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(tagged, "a", "validation", file)), File.ReadAllBytes(Path.Combine(tagged, "b", "validation", file)));
        }
    }

    [Fact]
    public async Task RunAsync_FiltersDropListAndNulls_CountedByReasonAndAbsentFromOutput()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        // quality: null for i % 50 == 7, 0.2 (fails) for i % 20 == 3, 0.9 otherwise.
        string tagged = await TaggedData.WriteAsync(Documents, withScores: true, i => i % 50 == 7 ? null : i % 20 == 3 ? 0.2 : 0.9, ct);
        string[] dropped = ["doc-000005", "doc-000006", "doc-000015"];
        await DropListFile.WriteAsync(LocalStorage.Instance, Path.Combine(tagged, "dedup", "drop-list.bin"),
            dropped.Select(id => new DropListRow(id, TaggedData.SourcePath, int.Parse(id["doc-".Length..]), 1, "doc-000000", "dedup.exact")).ToArray(), ct);
        string output = Path.Combine(tagged, "mix");
        MixOptions options = Options(totalTokens: 0) with { Filters = [new MixCondition { Column = "quality", AtLeast = 0.5 }] };

        MixReport report = await MixAsync(tagged, output, options);

        int nulls = Enumerable.Range(0, Documents).Count(i => i % 50 == 7);
        int low = Enumerable.Range(0, Documents).Count(i => i % 50 != 7 && i % 20 == 3);
        Assert.True(report.DropListApplied);
        Assert.Equal(3, report.Excluded[MixReasons.Duplicate]);
        Assert.Equal(nulls, report.Excluded[MixReasons.MissingValue]);
        Assert.Equal(low, report.Excluded[MixReasons.Filtered]);
        Assert.Equal(low, report.FilterDrops["quality >= 0.5"]);
        var outIds = (await TaggedData.ReadShardsAsync(Path.Combine(output, "train"), ct))
            .Concat(await TaggedData.ReadShardsAsync(Path.Combine(output, "validation"), ct))
            .Select(r => int.Parse(r.Id.AsSpan(4))).ToHashSet();
        Assert.DoesNotContain(outIds, i => i % 50 == 7 || i % 20 == 3 || i is 5 or 6 or 15);
        // total_tokens 0: the largest budget at which no domain exceeds 3 epochs; the tightest domain is used exactly 3 times.
        Assert.Contains(report.Domains, d => Math.Abs(d.Epochs - 3) < 0.01);
        Assert.All(report.Domains, d => Assert.InRange(d.AchievedShare, s_llama3[d.Domain] - 0.01, s_llama3[d.Domain] + 0.01));
    }

    [Fact]
    public async Task RunAsync_ColumnInNoShard_FailsNamingItAndListingColumns_EvenWithADefault()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(400, withScores: false, cancellationToken: ct);

        var error = await Assert.ThrowsAsync<MixConfigException>(() => MixAsync(tagged, Path.Combine(tagged, "a"), Options()));
        Assert.Contains("'code'", error.Message, StringComparison.Ordinal);
        Assert.Contains("declared_language", error.Message, StringComparison.Ordinal); // lists what is there

        // A default is for nulls and for shards that lack a column others have, never for a column no shard has (a misspelling).
        MixOptions withDefault = Options(totalTokens: 10_000, targets: new Dictionary<string, double> { ["general"] = 0.9, ["code"] = 0.1 }) with
        {
            Domains = [new DomainRule { Domain = "code", When = new MixCondition { Column = "code", AtLeast = 0.5, Default = "0" } }],
            Filters = [new MixCondition { Column = "qualty", AtLeast = 0.3, Default = "1" }],
        };
        error = await Assert.ThrowsAsync<MixConfigException>(() => MixAsync(tagged, Path.Combine(tagged, "b"), withDefault));
        Assert.Contains("'qualty'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(tagged, "b")));
    }

    [Fact]
    public async Task RunAsync_ColumnMissingFromSomeShards_TakesTheDefaultThere()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(400, withScores: true, cancellationToken: ct);
        string unscored = await TaggedData.WriteAsync(400, withScores: false, cancellationToken: ct);
        File.Copy(Path.Combine(unscored, "annotated", "tag-00000-00001.parquet"), Path.Combine(tagged, "annotated", "tag-00000-00001.parquet"), overwrite: true);
        MixOptions withDefault = Options(totalTokens: 10_000, targets: new Dictionary<string, double> { ["general"] = 0.9, ["code"] = 0.1 }) with
        {
            Domains = [new DomainRule { Domain = "code", When = new MixCondition { Column = "code", AtLeast = 0.5, Default = "0" } }],
        };

        MixReport report = await MixAsync(tagged, Path.Combine(tagged, "mix"), withDefault);

        Assert.Equal(9_000, report.Domains.Single(d => d.Domain == "general").TargetTokens);
        List<TokenizedDocument> rows = await TaggedData.ReadShardsAsync(Path.Combine(tagged, "mix", "train"), ct);
        Assert.Contains(rows, r => r.Domain == "code");
        Assert.All(rows.Where(r => r.Domain == "code"), r => Assert.True(int.Parse(r.Id.AsSpan(4)) < 200)); // the shard without the column took the default
        await Assert.ThrowsAsync<MixConfigException>(() => MixAsync(tagged, Path.Combine(tagged, "strict"), Options())); // no default: the shard lacking it fails
    }

    [Fact]
    public async Task RunAsync_ValidationTakesEveryToken_FailsNamingValidationTokensPerDomain()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(400, withScores: true, cancellationToken: ct);

        var error = await Assert.ThrowsAsync<MixConfigException>(() =>
            MixAsync(tagged, Path.Combine(tagged, "mix"), Options(totalTokens: 0) with { ValidationTokensPerDomain = 1_000_000 }));

        Assert.Contains("0 training tokens", error.Message, StringComparison.Ordinal);
        Assert.Contains("validation_tokens_per_domain", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tagged, "mix", MixReport.FileName)));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsAndLeavesNoReport()
    {
        string tagged = await TaggedData.WriteAsync(200, withScores: true, cancellationToken: TestContext.Current.CancellationToken);
        string output = Path.Combine(tagged, "mix");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Mixer(LocalStorage.Instance, NullLogger<Mixer>.Instance).RunAsync(tagged, output, Options(), cancelled.Token));

        Assert.False(File.Exists(Path.Combine(output, MixReport.FileName)));
    }

    [Fact]
    public async Task RunAsync_StructMemberAndDottedColumn_AddressedWithDots()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(400, withScores: false, cancellationToken: ct);
        Directory.Delete(Path.Combine(tagged, "annotated"), recursive: true);
        await TaggedData.WriteNestedAsync(Path.Combine(tagged, "annotated", "tag-00000-00000.parquet"), 400, ct);
        var options = new MixOptions
        {
            Filters = [new MixCondition { Column = "gopher_quality.word_count", AtLeast = 100 }],
            Domains = [new DomainRule { Domain = "multilingual", When = new MixCondition { Column = "lang.id", IsNot = "en" } }],
            Targets = new Dictionary<string, double> { ["general"] = 0.8, ["multilingual"] = 0.2 },
            ValidationTokensPerDomain = 1_000,
        };

        MixReport report = await MixAsync(tagged, Path.Combine(tagged, "mix"), options);

        Assert.Equal(100, report.FilterDrops["gopher_quality.word_count >= 100"]);
        List<TokenizedDocument> rows = await TaggedData.ReadShardsAsync(Path.Combine(tagged, "mix", "train"), ct);
        Assert.All(rows, r => Assert.True(int.Parse(r.Id.AsSpan(4)) >= 100));
        Assert.All(rows, r => Assert.Equal(TaggedData.DomainOf(int.Parse(r.Id.AsSpan(4))) == "multilingual" ? "multilingual" : "general", r.Domain));
        Assert.Contains(rows, r => r.Domain == "multilingual");
    }

    [Theory]
    [InlineData("gpt2", 50257, 50256, 20240520, 1, 2)]
    [InlineData("cl100k_base", 100277, 100257, 20240801, 7, 4)]
    public async Task RunAsync_LlmcBin_HeaderCountsAndEotBeforeEachDocument(string tokenizer, int vocabulary, int eod, int magic, int version, int width)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedData.WriteAsync(Documents, withScores: true, cancellationToken: ct, metadata: new(tokenizer, vocabulary, eod));
        string output = Path.Combine(tagged, "mix");

        MixReport report = await MixAsync(tagged, output, Options() with { LlmcBin = true, LlmcTokensPerShard = 80_000 });

        string[] bins = Directory.GetFiles(Path.Combine(output, "bin")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal("mix_train_000001.bin", Path.GetFileName(bins[0]));
        Assert.Equal("mix_val_000000.bin", Path.GetFileName(bins[^1]));
        long trainTokens = 0, trainDocuments = 0;
        foreach (string bin in bins)
        {
            byte[] bytes = File.ReadAllBytes(bin);
            Assert.Equal(magic, BinaryPrimitives.ReadInt32LittleEndian(bytes));
            Assert.Equal(version, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
            int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
            Assert.Equal(1024 + ((long)width * count), bytes.Length);
            Assert.InRange(count, 1, 80_000);
            long first = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(1024)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(1024));
            Assert.Equal(eod, first); // llm.c puts the end-of-text token before each document
            if (bin.Contains("_train_", StringComparison.Ordinal))
            {
                trainTokens += count;
                for (int t = 0; t < count; t++)
                {
                    long token = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(1024 + (2 * t))) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(1024 + (4 * t)));
                    trainDocuments += token == eod ? 1 : 0;
                }
            }
        }

        Assert.Equal(report.TrainTokens, trainTokens);
        Assert.Equal(report.Domains.Sum(d => d.Documents), trainDocuments); // exactly one separator per document
        Assert.True(bins.Length >= 4); // ~200k train tokens in 80k-token shards, plus validation
    }

    private static string[] ShardFiles(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f))
            .Where(f => f != MixReport.FileName)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
