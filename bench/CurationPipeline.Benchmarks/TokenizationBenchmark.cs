using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CurationPipeline.Documents;
using CurationPipeline.Inputs;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using Microsoft.ML.Tokenizers;
using Parquet;

namespace CurationPipeline.Benchmarks;

/// <summary>Single-thread tokenization MB/s for the built-in encodings, and tokenized-shard write MB/s per codec.</summary>
/// <remarks>
/// Input: the article bodies of ../shared/data/extraction/scrapinghub/ground-truth.json (181 pages, 0.8 M chars, many languages),
/// or a JSON Lines file given as the first argument. The first pass includes JIT and an empty per-word cache; later passes are warm.
/// </remarks>
internal sealed class TokenizationBenchmark : IBenchmark
{
    private const int WarmPasses = 3;
    private const long ParquetTokens = 20_000_000;

    public string Name => "tokenize";

    public string Description => "tokenizer MB/s per core (cl100k/o200k/gpt2) and tokenized Parquet write MB/s";

    public async Task<int> RunAsync(string[] args)
    {
        List<string> texts = args.Length > 0 ? await ReadJsonLinesAsync(args[0]) : ReadGroundTruth();
        long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"input: {texts.Count} documents, {bytes / 1e6:F2} MB UTF-8");
        Console.WriteLine("| tokenizer | load ms | cold MB/s | warm MB/s | tokens/s (warm) | bytes/token | stock tiktoken warm MB/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        List<int[]>? cl100kIds = null;
        foreach (string name in TokenizerFactory.BuiltInNames)
        {
            var load = Stopwatch.StartNew();
            TextTokenizer tokenizer = TokenizerFactory.Create(new TokenizerOptions { Name = name });
            double loadMs = load.Elapsed.TotalMilliseconds;
            (double coldSeconds, long tokens, List<int[]> ids) = Tokenize(tokenizer, texts);
            double warmSeconds = double.MaxValue;
            for (int pass = 0; pass < WarmPasses; pass++)
            {
                warmSeconds = Math.Min(warmSeconds, Tokenize(tokenizer, texts).Seconds);
            }

            // Baseline: the stock tokenizer (which maps special-token text to control ids), warm.
            Tokenizer stock = name == "gpt2" ? TiktokenTokenizer.CreateForModel(name) : TiktokenTokenizer.CreateForEncoding(name);
            texts.ForEach(t => stock.EncodeToIds(t));
            var stockWatch = Stopwatch.StartNew();
            texts.ForEach(t => stock.EncodeToIds(t));
            double stockSeconds = stockWatch.Elapsed.TotalSeconds;

            Console.WriteLine($"| {name} | {loadMs:F0} | {bytes / 1e6 / coldSeconds:F1} | {bytes / 1e6 / warmSeconds:F1} | " +
                              $"{tokens / warmSeconds / 1e6:F2} M | {(double)bytes / tokens:F2} | {bytes / 1e6 / stockSeconds:F1} |");
            if (name == "cl100k_base")
            {
                cl100kIds = ids;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Parquet write of {ParquetTokens / 1e6:F0} M cl100k tokens (payload = 4 bytes/token), 1M-token row groups:");
        Console.WriteLine("| codec | seconds | payload MB/s | file MB |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var codec in new[] { CompressionMethod.Zstd, CompressionMethod.Snappy, CompressionMethod.None })
        {
            await WriteParquetAsync(cl100kIds!, codec);
        }

        return 0;
    }

    private static (double Seconds, long Tokens, List<int[]> Ids) Tokenize(TextTokenizer tokenizer, List<string> texts)
    {
        var ids = new List<int[]>(texts.Count);
        var buffer = new List<int>();
        long tokens = 0;
        var watch = Stopwatch.StartNew();
        foreach (string text in texts)
        {
            buffer.Clear();
            tokens += tokenizer.EncodeDocument(text, buffer);
            ids.Add(buffer.ToArray());
        }

        return (watch.Elapsed.TotalSeconds, tokens, ids);
    }

    private static async Task WriteParquetAsync(List<int[]> documents, CompressionMethod codec)
    {
        string dir = Path.Combine(Path.GetTempPath(), "curate-bench-tokenize", Guid.NewGuid().ToString("N"));
        var options = new TokenizedShardOptions { Parquet = new ParquetOutputOptions { Compression = codec } };
        var watch = Stopwatch.StartNew();
        IReadOnlyList<string> paths;
        await using (var writer = new TokenizedShardWriter(LocalStorage.Instance, dir, new TokenizedShardMetadata("cl100k_base", 100_277, 100_257), options))
        {
            for (int i = 0; writer.TokensWritten < ParquetTokens; i++)
            {
                int[] ids = documents[i % documents.Count];
                await writer.WriteAsync(new TokenizedDocument { Id = $"doc-{i}", Url = $"https://example.org/{i}", InputIds = ids }, CancellationToken.None);
            }

            paths = await writer.CompleteAsync(CancellationToken.None);
        }

        double seconds = watch.Elapsed.TotalSeconds;
        long fileBytes = paths.Sum(p => new FileInfo(p).Length);
        Console.WriteLine($"| {codec} | {seconds:F2} | {ParquetTokens * 4 / 1e6 / seconds:F0} | {fileBytes / 1e6:F1} |");
        Directory.Delete(dir, recursive: true);
    }

    private static List<string> ReadGroundTruth()
    {
        string path = BenchmarkPaths.SharedData("extraction", "scrapinghub", "ground-truth.json");
        using JsonDocument truth = JsonDocument.Parse(File.ReadAllText(path));
        return truth.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString()!).ToList();
    }

    private static async Task<List<string>> ReadJsonLinesAsync(string path)
    {
        var texts = new List<string>();
        await foreach (SourceItem item in new JsonLinesDocumentSource().ReadAsync(LocalStorage.Instance, path, CancellationToken.None))
        {
            if (item.Document is { } document)
            {
                texts.Add(document.Content.ToString());
            }
        }

        return texts;
    }
}
