using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Training.Classifiers;

/// <summary>
/// Embeddings of label texts with the default model on the CPU, cached in a folder by a hash of the model, the precision,
/// the token limit and every text: retraining a head on the same labels skips the slow embedding step.
/// </summary>
/// <param name="folder">The cache folder (created when first written).</param>
/// <param name="onEmbedding">Told "embedding N texts …" before a cache miss is computed; <c>null</c> for silence.</param>
/// <param name="precision">The CPU arithmetic the texts are embedded with; defaults to the pipeline's (<see cref="EmbeddingOptions.Precision"/>), so a head trains on the vectors it will score.</param>
public sealed class LabelEmbeddingCache(string folder, Action<string>? onEmbedding = null, EmbeddingPrecision? precision = null)
{
    private readonly EmbeddingOptions _options = precision is { } p ? new EmbeddingOptions { UseCuda = false, Precision = p } : new EmbeddingOptions { UseCuda = false };

    /// <summary>The cache folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>One embedding per example, in order: from the cache when present, else computed and written (atomically) to it.</summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<LabeledText> examples, CancellationToken cancellationToken)
    {
        EmbeddingOptions options = _options;
        string cache = Path.Combine(Folder, $"{Key(examples, options):x16}.f32");
        if (File.Exists(cache))
        {
            byte[] bytes = await File.ReadAllBytesAsync(cache, cancellationToken).ConfigureAwait(false);
            int dimension = bytes.Length / 4 / examples.Count;
            return [.. Enumerable.Range(0, examples.Count).Select(i => MemoryMarshal.Cast<byte, float>(bytes.AsSpan(i * dimension * 4, dimension * 4)).ToArray())];
        }

        onEmbedding?.Invoke($"embedding {examples.Count} texts with {DefaultEmbeddingModel.Name} on the CPU (cached in {cache})");
        using TextEmbedder embedder = TextEmbedder.Create(options);
        var vectors = new float[examples.Count][];
        await foreach (EmbeddedItem<int> item in embedder.EmbedAsync(Enumerable.Range(0, examples.Count).ToAsyncEnumerable(), i => examples[i].Text, cancellationToken).ConfigureAwait(false))
        {
            vectors[item.Item] = item.Vector ?? new float[embedder.Dimension];
        }

        Directory.CreateDirectory(Folder);
        string temporary = $"{cache}.{Environment.ProcessId}.tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            foreach (float[] v in vectors)
            {
                await stream.WriteAsync(MemoryMarshal.AsBytes(v.AsSpan()).ToArray(), cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(temporary, cache, overwrite: true);
        return vectors;
    }

    /// <summary>The precision the texts are embedded with (part of the cache key: int8 and fp32 vectors differ).</summary>
    public EmbeddingPrecision Precision => _options.Precision;

    internal static ulong Key(IReadOnlyList<LabeledText> examples, EmbeddingOptions options)
    {
        var hash = new XxHash64();
        hash.Append(Encoding.UTF8.GetBytes($"{DefaultEmbeddingModel.Name}/{options.Precision}/{options.MaxTokens}/{examples.Count}"));
        foreach (LabeledText example in examples)
        {
            hash.Append(MemoryMarshal.AsBytes(example.Text.AsSpan()));
        }

        return hash.GetCurrentHashAsUInt64();
    }
}
