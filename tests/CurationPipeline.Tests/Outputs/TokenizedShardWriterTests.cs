using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tests.Tokenization;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Tests.Outputs;

public sealed class TokenizedShardWriterTests
{
    private static readonly string[] s_texts =
    [
        TextTokenizerTests.Mixed,
        "東京都は日本の首都です。人口は約1400万人。",
        "Emoji: 😀😃😄 👩‍👩‍👧‍👦 🇯🇵 and combining é (e\u0301)",
        "",
        "Plain English sentence with <|endoftext|> spelled inside it.",
        "한국어 텍스트와 العربية and Ελληνικά.",
    ];

    public static TheoryData<string> TokenizerNames => ["cl100k_base", "o200k_base", "gpt2", "tokenizer.json", "tiny.model"];

    [Theory]
    [MemberData(nameof(TokenizerNames))]
    public async Task WriteAsync_ThenRead_DecodesToOriginalText(string name)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        TextTokenizer tokenizer = name switch
        {
            "tokenizer.json" => TokenizerFactory.Create(new TokenizerOptions { Path = TinyTokenizerJson.Write(dir) }),
            "tiny.model" => TokenizerFactory.Create(new TokenizerOptions { Path = TinySentencePieceModel.Write(dir) }),
            _ => Tokenizers.Get(name),
        };
        string outDir = Path.Combine(dir, "out");

        IReadOnlyList<string> paths;
        await using (var writer = new TokenizedShardWriter(LocalStorage.Instance, outDir, TokenizedShardMetadata.For(tokenizer)))
        {
            for (int i = 0; i < s_texts.Length; i++)
            {
                var ids = new List<int>();
                tokenizer.EncodeDocument(s_texts[i], ids);
                await writer.WriteAsync(new TokenizedDocument { Id = $"doc-{i}", Url = i % 2 == 0 ? $"https://x/{i}" : null, InputIds = ids.ToArray() }, ct);
            }

            paths = await writer.CompleteAsync(ct);
        }

        string path = Assert.Single(paths);
        Assert.Equal(Path.Combine(outDir, "tokens-00000.parquet"), path);
        await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(LocalStorage.Instance, path, ct);
        Assert.Equal(TokenizedShardMetadata.For(tokenizer), reader.Metadata);
        Assert.Equal(s_texts.Length, reader.RowCount);
        int row = 0;
        await foreach (TokenizedDocument document in reader.ReadAllAsync(ct))
        {
            Assert.Equal($"doc-{row}", document.Id);
            Assert.Equal(row % 2 == 0 ? $"https://x/{row}" : null, document.Url);
            Assert.Equal(TokenizedDocument.GeneralDomain, document.Domain);
            ReadOnlySpan<int> ids = document.InputIds.Span;
            Assert.Equal(tokenizer.EndOfDocumentId, ids[^1]);
            Assert.Equal(-1, ids[..^1].IndexOf(tokenizer.EndOfDocumentId));
            Assert.Equal(s_texts[row], tokenizer.Decode(ids[..^1]));
            row++;
        }

        Assert.Equal(s_texts.Length, row);
    }

    [Fact]
    public async Task WriteAsync_PastTokenBound_RotatesShardsWithinBound()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        var options = new TokenizedShardOptions { Prefix = "part", MaxTokensPerShard = 100, RowGroupTokens = 30 };
        var metadata = new TokenizedShardMetadata("test", 1000, 999);

        IReadOnlyList<string> paths;
        await using (var writer = new TokenizedShardWriter(LocalStorage.Instance, dir, metadata, options))
        {
            for (int i = 0; i < 25; i++)
            {
                // i + 10 tokens per document: 550 tokens in all.
                int[] ids = [.. Enumerable.Range(i, i + 9), 999];
                await writer.WriteAsync(new TokenizedDocument { Id = i.ToString(), InputIds = ids, Domain = "code" }, ct);
            }

            Assert.Equal(25, writer.DocumentsWritten);
            paths = await writer.CompleteAsync(ct);
        }

        Assert.True(paths.Count >= 6, $"expected at least 6 shards of <=100 tokens, got {paths.Count}");
        Assert.Equal(paths.Select((_, i) => Path.Combine(dir, $"part-{i:D5}.parquet")), paths);
        Assert.Equal(paths.Order(StringComparer.Ordinal), Directory.GetFiles(dir).Order(StringComparer.Ordinal));
        long tokens = 0;
        var seen = new List<string>();
        foreach (string path in paths)
        {
            await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(LocalStorage.Instance, path, ct);
            long shardTokens = 0;
            await foreach (TokenizedDocument document in reader.ReadAllAsync(ct))
            {
                Assert.Equal(int.Parse(document.Id) + 10, document.InputIds.Length);
                Assert.Equal("code", document.Domain);
                shardTokens += document.InputIds.Length;
                seen.Add(document.Id);
            }

            Assert.InRange(shardTokens, 1, 100);
            tokens += shardTokens;
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString()), seen);
        Assert.Equal(Enumerable.Range(0, 25).Sum(i => i + 10), tokens);
    }

    [Fact]
    public async Task DisposeAsync_WithoutComplete_LeavesNoFinalFile()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string dir = TestData.NewTempDirectory();
        var options = new TokenizedShardOptions { MaxTokensPerShard = 1_000, RowGroupTokens = 10 };

        await using (var writer = new TokenizedShardWriter(LocalStorage.Instance, dir, new TokenizedShardMetadata("t", 100, 0), options))
        {
            for (int i = 0; i < 10; i++)
            {
                await writer.WriteAsync(new TokenizedDocument { Id = i.ToString(), InputIds = new int[20] }, ct);
            }

            Assert.NotEmpty(Directory.GetFiles(dir)); // row groups went to the temporary file
        }

        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public async Task CompleteAsync_NoDocuments_WritesNoFile()
    {
        string dir = TestData.NewTempDirectory();
        await using var writer = new TokenizedShardWriter(LocalStorage.Instance, dir, new TokenizedShardMetadata("t", 100, 0));

        Assert.Empty(await writer.CompleteAsync(TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public async Task OpenAsync_FileWithoutMetadata_ThrowsInvalidData()
    {
        string path = Path.Combine(TestData.NewTempDirectory(), "x.parquet");
        await File.WriteAllTextAsync(path, "not parquet at all", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidDataException>(
            () => TokenizedShardReader.OpenAsync(LocalStorage.Instance, path, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    public void Constructor_NonPositiveBounds_Throw(long maxTokens, long rowGroupTokens)
    {
        var options = new TokenizedShardOptions { MaxTokensPerShard = maxTokens, RowGroupTokens = rowGroupTokens };

        Assert.Throws<ArgumentOutOfRangeException>(
            () => new TokenizedShardWriter(LocalStorage.Instance, TestData.NewTempDirectory(), new TokenizedShardMetadata("t", 1, 0), options));
    }
}
