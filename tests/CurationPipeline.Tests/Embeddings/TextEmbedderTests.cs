using System.Numerics.Tensors;
using CurationPipeline.Embeddings;
using Microsoft.Extensions.Logging;

namespace CurationPipeline.Tests.Embeddings;

public sealed class TextEmbedderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmbedAsync_TinyRoberta_MeanPoolsRealTokensOnlyWithBosAndEos()
    {
        using var model = TinyRobertaModel.Create();
        using var embedder = TextEmbedder.Create(new EmbeddingOptions { ModelDirectory = model.Directory, UseCuda = false });
        Dictionary<string, int> v = model.Vocabulary;

        // "hello" → hell·o and " world" → Ġwor·l·d through the merges; <s>/</s> wrap every text. The short text is padded in the
        // same batch as the long ones, so a pooled padding row would show up in its vector.
        var expected = new Dictionary<string, int[]>
        {
            ["hello world"] = [v["<s>"], v["hell"], v["o"], v["Ġwor"], v["l"], v["d"], v["</s>"]],
            ["hello"] = [v["<s>"], v["hell"], v["o"], v["</s>"]],
            ["hello world world"] = [v["<s>"], v["hell"], v["o"], v["Ġwor"], v["l"], v["d"], v["Ġwor"], v["l"], v["d"], v["</s>"]],
        };

        List<EmbeddedItem<string>> results = await Collect(embedder, expected.Keys);

        Assert.Equal(TinyRobertaModel.Hidden, embedder.Dimension);
        Assert.Equal(3, results.Count);
        foreach (EmbeddedItem<string> result in results)
        {
            int[] ids = expected[result.Item];
            Assert.Equal(ids.Length, result.TokenCount);
            Assert.False(result.Truncated);
            Assert.Null(result.Reason);
            float[] want = new float[TinyRobertaModel.Hidden];
            foreach (int id in ids)
            {
                TensorPrimitives.Add(want, model.Table.AsSpan(id * TinyRobertaModel.Hidden, TinyRobertaModel.Hidden), want);
            }

            TensorPrimitives.Divide(want, TensorPrimitives.Norm(want), want);
            Assert.Equal(want, result.Vector!, (a, b) => Math.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public async Task EmbedAsync_LongText_TruncatedToMaxTokensAndFlagged()
    {
        using var model = TinyRobertaModel.Create();
        using var embedder = TextEmbedder.Create(new EmbeddingOptions { ModelDirectory = model.Directory, UseCuda = false, MaxTokens = 8 });

        List<EmbeddedItem<string>> results = await Collect(embedder, [string.Join(' ', Enumerable.Repeat("hello", 20)), "hello"]);

        EmbeddedItem<string> longOne = results.Single(r => r.Item.Length > 5);
        Assert.True(longOne.Truncated);
        Assert.Equal(8, longOne.TokenCount);
        Assert.False(results.Single(r => r.Item == "hello").Truncated);
    }

    [Fact]
    public async Task EmbedAsync_BlankText_CountedAsEmptyTextWithoutVector()
    {
        using var model = TinyRobertaModel.Create();
        using var embedder = TextEmbedder.Create(new EmbeddingOptions { ModelDirectory = model.Directory, UseCuda = false });

        List<EmbeddedItem<string>> results = await Collect(embedder, ["  \n\t", "hello", ""]);

        Assert.Equal(2, results.Count(r => r.Reason == EmbeddingReasons.EmptyText && r.Vector is null && r.TokenCount == 0));
        Assert.NotNull(results.Single(r => r.Item == "hello").Vector);
    }

    [Fact]
    public async Task EmbedAsync_ManyItemsAcrossWindowsAndParallelRuns_EachReturnedOnceWithItsOwnVector()
    {
        using var model = TinyRobertaModel.Create();
        var options = new EmbeddingOptions
        {
            ModelDirectory = model.Directory, UseCuda = false, BatchSize = 7, SortWindowBatches = 3, QueueCapacityBatches = 2, ParallelRuns = 2,
        };
        using var parallel = TextEmbedder.Create(options);
        using var single = TextEmbedder.Create(options with { BatchSize = 1, ParallelRuns = 1 });
        string[] texts = Enumerable.Range(0, 300).Select(i => string.Join(' ', Enumerable.Repeat(i % 2 == 0 ? "hello" : "world", 1 + i % 13)) + " " + i).ToArray();

        List<EmbeddedItem<string>> batched = await Collect(parallel, texts);
        Dictionary<string, float[]> reference = (await Collect(single, texts)).ToDictionary(r => r.Item, r => r.Vector!);

        Assert.Equal(texts.Order(), batched.Select(r => r.Item).Order());
        foreach (EmbeddedItem<string> result in batched)
        {
            Assert.Equal(reference[result.Item], result.Vector!, (a, b) => Math.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public async Task EmbedAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var model = TinyRobertaModel.Create();
        using var embedder = TextEmbedder.Create(new EmbeddingOptions { ModelDirectory = model.Directory, UseCuda = false });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (EmbeddedItem<string> _ in embedder.EmbedAsync(Endless(), t => t, cts.Token))
            {
            }
        });
    }

    [Fact]
    public async Task EmbedAsync_SourceThrows_FailureReachesCaller()
    {
        using var model = TinyRobertaModel.Create();
        using var embedder = TextEmbedder.Create(new EmbeddingOptions { ModelDirectory = model.Directory, UseCuda = false });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (EmbeddedItem<string> _ in embedder.EmbedAsync(Failing(), t => t, Token))
            {
            }
        });
        Assert.Equal("source broke", error.Message);
    }

    [Fact]
    public void Create_CudaRequested_UsesCudaOrFallsBackToCpuWithOneWarning()
    {
        using var model = TinyRobertaModel.Create();
        var logger = new ListLogger<TextEmbedder>();

        using var embedder = TextEmbedder.Create(new EmbeddingOptions { ModelDirectory = model.Directory, UseCuda = true }, logger);

        var warnings = logger.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        if (embedder.ExecutionProvider == "CUDA")
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.Equal("CPU", embedder.ExecutionProvider);
            var warning = Assert.Single(warnings);
            Assert.Equal(6001, warning.Event.Id);
            Assert.Contains("CPU", warning.Message);
        }
    }

    [Fact]
    public void Create_GraphWithNonEncoderInput_ThrowsInvalidData()
    {
        using var model = TinyRobertaModel.Create(extraInput: "pixel_values");

        var error = Assert.Throws<InvalidDataException>(() =>
            TextEmbedder.Create(new EmbeddingOptions { ModelDirectory = model.Directory, UseCuda = false }));
        Assert.Contains("pixel_values", error.Message);
    }

    [Fact]
    public void Create_DirectoryWithoutVocabulary_ThrowsFileNotFound()
    {
        using var model = TinyRobertaModel.Create();
        File.Delete(Path.Combine(model.Directory, "merges.txt"));

        Assert.Throws<FileNotFoundException>(() => TextEmbedder.Create(new EmbeddingOptions { ModelDirectory = model.Directory, UseCuda = false }));
    }

    [Theory]
    [InlineData(nameof(EmbeddingOptions.MaxTokens))]
    [InlineData(nameof(EmbeddingOptions.BatchSize))]
    [InlineData(nameof(EmbeddingOptions.ParallelRuns))]
    public void Validate_OutOfRange_NamesProperty(string property)
    {
        EmbeddingOptions options = property switch
        {
            nameof(EmbeddingOptions.MaxTokens) => new EmbeddingOptions { MaxTokens = 2 },
            nameof(EmbeddingOptions.BatchSize) => new EmbeddingOptions { BatchSize = -1 },
            _ => new EmbeddingOptions { ParallelRuns = -1 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public async Task EmbedAsync_DefaultModel_CosineMatchesSentenceTransformersReference()
    {
        using var embedder = TextEmbedder.Create(new EmbeddingOptions { UseCuda = false });
        string[] texts =
        [
            "A man is playing a guitar on stage.",
            "Someone performs music with a guitar in front of an audience.",
            "The quarterly tax report is due next Tuesday.",
        ];

        Dictionary<string, float[]> v = (await Collect(embedder, texts)).ToDictionary(r => r.Item, r => r.Vector!);

        Assert.Equal(384, embedder.Dimension);
        Assert.Equal(1f, TensorPrimitives.Norm(v[texts[0]]), 1e-4f);
        // Reference figures from notes/dependencies.md §3 (all-MiniLM-L6-v2, mean pooling): 0.638, −0.052, −0.128.
        // They need [CLS]/[SEP] in the ids: without them the first pair scores 0.571.
        Assert.Equal(0.638, TensorPrimitives.CosineSimilarity(v[texts[0]], v[texts[1]]), 0.005);
        Assert.Equal(-0.052, TensorPrimitives.CosineSimilarity(v[texts[0]], v[texts[2]]), 0.005);
        Assert.Equal(-0.128, TensorPrimitives.CosineSimilarity(v[texts[1]], v[texts[2]]), 0.005);
    }

    private static async Task<List<EmbeddedItem<string>>> Collect(TextEmbedder embedder, IEnumerable<string> texts)
    {
        var results = new List<EmbeddedItem<string>>();
        await foreach (EmbeddedItem<string> item in embedder.EmbedAsync(texts.ToAsyncEnumerable(), t => t, Token))
        {
            results.Add(item);
        }

        return results;
    }

    private static async IAsyncEnumerable<string> Endless()
    {
        while (true)
        {
            await Task.Yield();
            yield return "hello";
        }
    }

    private static async IAsyncEnumerable<string> Failing()
    {
        yield return "hello";
        await Task.Yield();
        throw new InvalidOperationException("source broke");
    }
}
