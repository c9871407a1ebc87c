using System.Diagnostics;
using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// ONNX sequence-classifier throughput one document per call against batched calls (<see cref="OnnxSequenceClassifier.ScoreBatch"/>),
/// on FineWeb-Edu documents (real web text), one thread, measured in the same run; the scores of both ways are compared bit for bit.
/// </summary>
/// <remarks>
/// The model is the bundled MiniLM-L6 encoder read through its pooler output (the first of 384 values as a regression score):
/// a real 6-layer transformer, the cost of a fine-tuned MiniLM classifier. The batched calls are the classifier's own: up to
/// <c>--batch</c> documents and <c>--batch-tokens</c> tokens per call. Args: <c>[--seconds 3] [--max-tokens 16,64,128,512] [--batch 32] [--batch-tokens N]</c>
/// (default <see cref="OnnxClassifierOptions.BatchTokens"/>; a large value shows what an unbounded batch costs).
/// </remarks>
internal sealed class OnnxClassifierBenchmark : IBenchmark
{
    public string Name => "classify-onnx";

    public string Description => "ONNX classifier docs/s, one document per call vs batched calls, MiniLM-L6 on FineWeb-Edu text";

    public Task<int> RunAsync(string[] args)
    {
        double seconds = BenchmarkArgs.Double(args, "--seconds", 3);
        int batch = BenchmarkArgs.Int(args, "--batch", 32);
        int batchTokens = BenchmarkArgs.Int(args, "--batch-tokens", new OnnxClassifierOptions { Name = "x", ModelPath = "x" }.BatchTokens);
        int[] lengths = [.. (BenchmarkArgs.String(args, "--max-tokens") ?? "16,64,128,512").Split(',').Select(int.Parse)];
        string[] texts = [.. StarterDatasets.Build(BenchmarkPaths.SharedData("classify"), "quality").Select(e => e.Text).Take(512)];
        string model = Path.Combine(DefaultEmbeddingModel.EnsureExtracted(), EmbeddingModelFiles.Model);
        Console.WriteLine($"classify-onnx: {texts.Length} FineWeb-Edu documents, mean {texts.Average(t => t.Length):F0} chars, MiniLM-L6, one thread, {seconds} s per measurement");
        foreach (int maxTokens in lengths)
        {
            using OnnxSequenceClassifier classifier = OnnxSequenceClassifier.Create(new OnnxClassifierOptions
            {
                Name = "pooler", ModelPath = model, OutputName = "924", MaxTokens = maxTokens, BatchSize = batch, BatchTokens = batchTokens,
            });
            Action<int, int, Span<double>> onePerCall = (from, count, scores) =>
            {
                for (int i = 0; i < count; i++)
                {
                    scores[i] = classifier.Score(texts[from + i]);
                }
            };
            Action<int, int, Span<double>> batchedCalls = (from, count, scores) => classifier.ScoreBatch(texts.AsSpan(from, count), scores);
            (double single, double batched) = MeasureInTurns(texts, seconds, batch, onePerCall, batchedCalls, out double[] singleScores, out double[] batchedScores);
            bool same = singleScores.AsSpan().SequenceEqual(batchedScores);
            Console.WriteLine($"  max_tokens {maxTokens,4}: one per call {single,7:N1} docs/s, batches of {batch} {batched,7:N1} docs/s: " +
                $"{batched / single:F2}x (≤ {batchTokens} tokens per call); first {batch * 2} scores {(same ? "identical" : "DIFFER")} bit for bit");
            if (!same)
            {
                return Task.FromResult(1);
            }
        }

        return Task.FromResult(0);
    }

    /// <summary>
    /// Docs/s of each way, measured in alternating half-second turns for about <paramref name="seconds"/> each, so a change in
    /// the machine's load falls on both; <paramref name="firstA"/> and <paramref name="firstB"/> get each way's scores of the same documents.
    /// </summary>
    private static (double A, double B) MeasureInTurns(
        string[] texts, double seconds, int batch, Action<int, int, Span<double>> a, Action<int, int, Span<double>> b, out double[] firstA, out double[] firstB)
    {
        firstA = new double[batch * 2];
        firstB = new double[batch * 2];
        foreach ((Action<int, int, Span<double>> way, double[] first) in new[] { (a, firstA), (b, firstB) })
        {
            way(0, batch, first.AsSpan(0, batch)); // warm-up, and the scores compared between the two ways
            way(batch, batch, first.AsSpan(batch, batch));
        }

        var scores = new double[batch];
        long[] documents = [0, 0];
        double[] elapsed = [0, 0];
        int from = 0;
        for (int turn = 0; turn < Math.Max(2, (int)(seconds * 4)); turn++)
        {
            Action<int, int, Span<double>> way = turn % 2 == 0 ? a : b;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 0.5)
            {
                way(from, batch, scores);
                documents[turn % 2] += batch;
                from = (from + batch) % (texts.Length - batch);
            }

            elapsed[turn % 2] += clock.Elapsed.TotalSeconds;
        }

        return (documents[0] / elapsed[0], documents[1] / elapsed[1]);
    }
}
