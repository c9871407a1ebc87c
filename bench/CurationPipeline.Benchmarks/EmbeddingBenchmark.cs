using System.Diagnostics;
using System.Numerics.Tensors;
using CurationPipeline.Dedup.Semantic;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// Embedding throughput on the default model (docs/s and docs/s per core at 128 and 256 tokens, for 1×N and N×1 run/thread splits),
/// the float16 storage's effect on cosine, and SemDeDup (k-means + within-cluster) on synthetic 384-d vectors with peak memory.
/// </summary>
/// <remarks>Args: <c>[--docs 256] [--vectors 1000000] [--clusters 0] [--skip-embed] [--skip-dedup] [--cuda]</c>.</remarks>
internal sealed class EmbeddingBenchmark : IBenchmark
{
    public string Name => "embed";

    public string Description => "ONNX embedding docs/s per core (128/256 tokens) and SemDeDup on N synthetic 384-d vectors with peak memory";

    public async Task<int> RunAsync(string[] args)
    {
        int docs = BenchmarkArgs.Int(args, "--docs", 256);
        int vectors = BenchmarkArgs.Int(args, "--vectors", 1_000_000);
        int clusters = BenchmarkArgs.Int(args, "--clusters", 0);
        bool cuda = args.Contains("--cuda");
        if (!args.Contains("--skip-embed"))
        {
            await EmbedAsync(docs, cuda);
        }

        if (!args.Contains("--skip-dedup"))
        {
            Dedup(vectors, clusters);
        }

        return 0;
    }

    private static async Task EmbedAsync(int docs, bool cuda)
    {
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"embedding: {docs} docs per configuration, {cores} cores, default model ({DefaultEmbeddingModel.Name})");
        (int Runs, int Threads, int Batch)[] splits = cuda ? [(1, cores, 64), (2, cores, 64)] : [(1, cores, 32), (cores, 1, 32), (cores, 1, 8)];
        foreach (int tokens in new[] { 128, 256 })
        {
            string[] texts = SyntheticDocuments(docs, tokens);
            foreach ((int runs, int threads, int batch) in splits)
            {
                var options = new EmbeddingOptions { UseCuda = cuda, MaxTokens = tokens, BatchSize = batch, ParallelRuns = runs, IntraOpThreads = threads };
                using TextEmbedder embedder = TextEmbedder.Create(options);
                await CountAsync(embedder, texts.Take(batch * runs * 2).ToArray()); // warm-up: session init, allocator
                var clock = Stopwatch.StartNew();
                (int count, long tokenTotal, float[][] sample) = await CountAsync(embedder, texts);
                double seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine(
                    $"  {embedder.ExecutionProvider} {embedder.Precision} tokens={tokens} runs={runs} threads={threads} batch={batch}: {count / seconds:F1} docs/s, " +
                    $"{count / seconds / cores:F1} docs/s/core, mean {tokenTotal / (double)count:F0} tokens/doc");
                if (tokens == 256 && runs == 1)
                {
                    Float16Effect(sample);
                }
            }
        }
    }

    private static async Task<(int Count, long Tokens, float[][] Sample)> CountAsync(TextEmbedder embedder, string[] texts)
    {
        int count = 0;
        long tokens = 0;
        var sample = new List<float[]>();
        await foreach (EmbeddedItem<string> item in embedder.EmbedAsync(texts.ToAsyncEnumerable(), t => t))
        {
            count++;
            tokens += item.TokenCount;
            if (sample.Count < 200)
            {
                sample.Add(item.Vector!);
            }
        }

        return (count, tokens, sample.ToArray());
    }

    /// <summary>Largest change of a pairwise cosine when the vectors go through <see cref="EmbeddingMatrix"/>'s float16 storage.</summary>
    private static void Float16Effect(float[][] vectors)
    {
        var matrix = new EmbeddingMatrix(vectors[0].Length);
        foreach (float[] v in vectors)
        {
            matrix.Add("x", v);
        }

        var stored = new float[vectors.Length][];
        for (int i = 0; i < vectors.Length; i++)
        {
            stored[i] = new float[matrix.Dimension];
            matrix.CopyTo(i, stored[i]);
        }

        double max = 0, sum = 0;
        long pairs = 0;
        for (int i = 0; i < vectors.Length; i++)
        {
            for (int j = i + 1; j < vectors.Length; j++)
            {
                double delta = Math.Abs(TensorPrimitives.Dot(vectors[i], vectors[j]) - TensorPrimitives.CosineSimilarity(stored[i], stored[j]));
                max = Math.Max(max, delta);
                sum += delta;
                pairs++;
            }
        }

        Console.WriteLine($"  float16 storage: |Δcosine| max {max:E2}, mean {sum / pairs:E2} over {pairs} pairs");
    }

    private static void Dedup(int count, int clusters)
    {
        const int dimension = 384;
        var random = new Random(5);
        var matrix = new EmbeddingMatrix(dimension);
        int topics = Math.Max(1, count / 1000);
        float[][] centers = [.. Enumerable.Range(0, topics).Select(_ => Gaussian(random, dimension, 1f))];
        var v = new float[dimension];
        float[] previous = new float[dimension];
        for (int i = 0; i < count; i++)
        {
            if (i > 0 && i % 20 == 0)
            {
                // One row in twenty is a near copy of the row before it (cosine ≈ 0.999).
                TensorPrimitives.MultiplyAdd(Gaussian(random, dimension, 0.002f), 1f, previous, v);
            }
            else
            {
                TensorPrimitives.Add(centers[random.Next(topics)], Gaussian(random, dimension, 0.5f), v);
            }

            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            matrix.Add($"d{i}", v);
            v.CopyTo(previous, 0);
        }

        var options = new SemanticDedupOptions { ClusterCount = clusters };
        var deduplicator = new SemanticDeduplicator(options);
        Console.WriteLine($"semdedup: {count} synthetic {dimension}-d vectors (float16 store), k={deduplicator.ClusterCountFor(count)}, " +
            $"{options.MaxIterations} iterations max, {Environment.ProcessorCount} cores");
        var clock = Stopwatch.StartNew();
        SemanticDedupResult result = deduplicator.Run(matrix);
        SemanticDedupStats s = result.Stats;
        Console.WriteLine($"  total {clock.Elapsed.TotalSeconds:F1} s: k-means {s.KMeansTime.TotalSeconds:F1} s ({s.KMeansIterations} iterations), " +
            $"within-cluster {s.PairwiseTime.TotalSeconds:F1} s ({s.PairsCompared:N0} pairs, largest cluster {s.LargestCluster}, {s.NonEmptyClusters} non-empty)");
        Console.WriteLine($"  dropped at eps {s.Epsilon}: {s.Dropped} (planted {(count - 1) / 20}); " +
            string.Join(", ", s.ByEpsilon.Select(e => $"eps {e.Epsilon}: {e.Dropped}")));
        Console.WriteLine($"  peak memory (VmHWM): {PeakMemoryMiB()} MiB");
    }

    private static float[] Gaussian(Random random, int dimension, float scale)
    {
        var v = new float[dimension];
        for (int i = 0; i < dimension; i++)
        {
            v[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return v;
    }

    private static string[] SyntheticDocuments(int count, int tokens)
    {
        string[] words =
        [
            "the", "market", "river", "council", "announced", "energy", "research", "children", "weather", "history", "across", "local",
            "students", "system", "policy", "during", "between", "national", "water", "community", "report", "building", "season", "music",
            "doctors", "travel", "garden", "network", "recent", "village", "science", "company", "museum", "football", "storm", "bridge",
        ];
        var random = new Random(1);
        var docs = new string[count];
        for (int d = 0; d < count; d++)
        {
            // ~1.2 word pieces per word plus punctuation: enough words to reach the token budget, which truncation then fixes.
            docs[d] = string.Join(' ', Enumerable.Range(0, tokens).Select(i => words[random.Next(words.Length)] + (i % 12 == 11 ? "." : "")));
        }

        return docs;
    }

    private static string PeakMemoryMiB()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return (long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) / 1024).ToString();
            }
        }

        return "n/a";
    }
}
