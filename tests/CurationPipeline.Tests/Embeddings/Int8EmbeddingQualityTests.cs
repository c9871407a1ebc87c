using System.Numerics.Tensors;
using CurationPipeline.Embeddings;
using CurationPipeline.Tests.Filters;

namespace CurationPipeline.Tests.Embeddings;

/// <summary>The int8 default model against float32 on real text (the scrapinghub article bodies), at the semantic-dedup quality bar.</summary>
public sealed class Int8EmbeddingQualityTests
{
    private const int Texts = 200;

    [Fact]
    public async Task EmbedAsync_RealText_PairwiseCosineChangeAtP99WithinBar()
    {
        string[] texts = [.. Chunks().Take(Texts)];
        float[][] reference = await EmbedAsync(EmbeddingPrecision.Fp32, texts);
        float[][] quantized = await EmbedAsync(EmbeddingPrecision.Int8, texts);

        var changes = new List<float>();
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.True(TensorPrimitives.Dot(reference[i], quantized[i]) > 0.99f, $"text {i}: int8 vector strays from float32");
            for (int j = i + 1; j < texts.Length; j++)
            {
                changes.Add(Math.Abs(TensorPrimitives.Dot(quantized[i], quantized[j]) - TensorPrimitives.Dot(reference[i], reference[j])));
            }
        }

        changes.Sort();
        Assert.Equal(Texts, texts.Length);
        Assert.InRange(changes[(int)(changes.Count * 0.99)], 0f, 0.01f);
    }

    [Fact]
    public async Task EmbedAsync_RealText_SameBytesWhateverTheRunsAndTiming()
    {
        string[] texts = [.. Chunks().Take(48)];
        float[][] first = await EmbedAsync(EmbeddingPrecision.Int8, texts);
        float[][] again = await EmbedAsync(EmbeddingPrecision.Int8, texts);
        float[][] oneRun = await EmbedAsync(EmbeddingPrecision.Int8, texts, parallelRuns: 1);

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(first[i], again[i]);
            Assert.Equal(first[i], oneRun[i]);
        }
    }

    /// <summary>~100-word chunks of the articles: they fill the 128-token window the bar is defined at.</summary>
    private static IEnumerable<string> Chunks() => RealText.Articles()
        .SelectMany(a => a.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Chunk(100))
        .Where(words => words.Length >= 60)
        .Select(words => string.Join(' ', words));

    private static async Task<float[][]> EmbedAsync(EmbeddingPrecision precision, string[] texts, int parallelRuns = 0)
    {
        using var embedder = TextEmbedder.Create(new EmbeddingOptions { UseCuda = false, MaxTokens = 128, Precision = precision, ParallelRuns = parallelRuns });
        Assert.Equal(precision, embedder.Precision);
        var vectors = new float[texts.Length][];
        await foreach (EmbeddedItem<int> item in embedder.EmbedAsync(
            Enumerable.Range(0, texts.Length).ToAsyncEnumerable(), i => texts[i], TestContext.Current.CancellationToken))
        {
            vectors[item.Item] = item.Vector!;
        }

        return vectors;
    }
}
