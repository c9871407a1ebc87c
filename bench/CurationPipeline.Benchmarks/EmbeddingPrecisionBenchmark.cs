using System.Diagnostics;
using System.Numerics.Tensors;
using CurationPipeline.Embeddings;
using CurationPipeline.Embeddings.Internal.Int8;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// The default model in float32 and in int8 recipes on real text (scrapinghub article bodies cut into ~100-word chunks), in
/// alternating turns of one run: docs/s (wall, and per CPU-second of the process), peak memory per turn, and the change of every pairwise cosine against float32
/// (the semantic-dedup quality bar: p99 ≤ 0.01).
/// </summary>
/// <remarks>Args: <c>[--docs 584] [--tokens 128] [--turns 3] [--batch 0] [--runs 0] [--threads 0] [--all] [--single-run] [NAME=MODEL_DIRECTORY ...]</c>; <c>--all</c> adds the recipes that were tried and rejected (the speed/accuracy curve);
/// <c>--single-run</c> adds float32 and the default recipe at the earlier CPU settings (one run × every core, batch 32).</remarks>
internal sealed class EmbeddingPrecisionBenchmark : IBenchmark
{
    private const int WordsPerChunk = 100;

    public string Name => "embed-int8";

    public string Description => "default embedding model fp32 vs int8 recipes on real text: docs/s, peak memory, pairwise-cosine change p50/p99/max";

    public async Task<int> RunAsync(string[] args)
    {
        int docs = BenchmarkArgs.Int(args, "--docs", 584);
        int turns = BenchmarkArgs.Int(args, "--turns", 3);
        var options = new EmbeddingOptions
        {
            UseCuda = false,
            Precision = EmbeddingPrecision.Fp32, // every variant below is a model directory run as is
            MaxTokens = BenchmarkArgs.Int(args, "--tokens", 128),
            BatchSize = BenchmarkArgs.Int(args, "--batch", 0),
            ParallelRuns = BenchmarkArgs.Int(args, "--runs", 0),
            IntraOpThreads = BenchmarkArgs.Int(args, "--threads", 0),
        };
        string[] texts = Chunks(FilterCascadeBenchmark.Load(BenchmarkPaths.SharedData("extraction", "scrapinghub", "ground-truth.json")), docs);
        string source = DefaultEmbeddingModel.EnsureExtracted();
        string scratch = Directory.CreateTempSubdirectory("curate-int8-bench-").FullName;
        try
        {
            var variants = new List<(string Name, string Directory, EmbeddingOptions Options)> { ("fp32", source, options) };
            foreach (string extra in args.Where(a => a.Contains('=') && Directory.Exists(a[(a.IndexOf('=') + 1)..])))
            {
                variants.Add((extra[..extra.IndexOf('=')], extra[(extra.IndexOf('=') + 1)..], options));
            }

            foreach (Int8Recipe recipe in Recipes(args.Contains("--all")))
            {
                var clock = Stopwatch.StartNew();
                variants.Add((recipe.Name, Derive(source, scratch, recipe), options));
                Console.WriteLine($"derived {recipe.Name} in {clock.Elapsed.TotalSeconds:F1} s");
            }

            if (args.Contains("--single-run"))
            {
                // The earlier CPU defaults (one run on every core, batch 32), measured in the same turns for the ratio.
                EmbeddingOptions single = options with { ParallelRuns = 1, IntraOpThreads = 0, BatchSize = 32 };
                variants.Add(("fp32 1 run, batch 32", source, single));
                variants.Add((Int8Recipe.Default.Name + " 1 run, batch 32", variants.First(v => v.Name == Int8Recipe.Default.Name).Directory, single));
            }

            Console.WriteLine($"{texts.Length} real texts, {options.MaxTokens} tokens max, batch {options.BatchSize}, runs {options.ParallelRuns} × threads {options.IntraOpThreads} (0: automatic), " +
                $"{Environment.ProcessorCount} cores, {turns} alternating turns");
            var rates = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var perCpuSecond = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var peaks = variants.ToDictionary(v => v.Name, _ => 0L);
            var vectors = new Dictionary<string, float[][]>();
            for (int turn = 0; turn < turns; turn++)
            {
                foreach ((string name, string directory, EmbeddingOptions variantOptions) in variants)
                {
                    (double rate, double cpu, long peak, float[][] v) = await MeasureAsync(variantOptions with { ModelDirectory = directory }, texts);
                    rates[name].Add(rate);
                    perCpuSecond[name].Add(cpu);
                    peaks[name] = Math.Max(peaks[name], peak);
                    vectors[name] = v;
                }
            }

            // Wall docs/s swings with the machine's load; docs per CPU-second (whole process) is steadier on a shared machine.
            double baseline = Median(rates["fp32"]), cpuBaseline = Median(perCpuSecond["fp32"]);
            Console.WriteLine($"{"variant",-44} {"docs/s (median; range)",-24} {"× fp32",7} {"docs/CPU-s",10} {"× fp32",7} {"peak MiB",9} {"|Δcos| p50",11} {"p99",8} {"max",8} {"min cos to fp32",16}");
            foreach ((string name, _, _) in variants)
            {
                (double p50, double p99, double max, double minSelf) = Change(vectors["fp32"], vectors[name]);
                Console.WriteLine($"{name,-44} {$"{Median(rates[name]):F1} ({rates[name].Min():F1}–{rates[name].Max():F1})",-24} " +
                    $"{Median(rates[name]) / baseline,7:F2} {Median(perCpuSecond[name]),10:F1} {Median(perCpuSecond[name]) / cpuBaseline,7:F2} " +
                    $"{peaks[name] / 1024,9} {p50,11:F4} {p99,8:F4} {max,8:F4} {minSelf,16:F4}");
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        return 0;
    }

    /// <summary>The shipped recipe, and with <paramref name="all"/> the others tried.</summary>
    private static IEnumerable<Int8Recipe> Recipes(bool all)
    {
        yield return Int8Recipe.Default;
        if (!all)
        {
            yield break;
        }

        HashSet<MatMulRole> none = [], down = [MatMulRole.FeedForwardDown];
        yield return new Int8Recipe("tensorwise", PerRowActivations: false, OutlierChannels: 0, KeepFloat: none);
        yield return new Int8Recipe("tensorwise-down-fp32", PerRowActivations: false, OutlierChannels: 0, KeepFloat: down);
        yield return new Int8Recipe("rowwise", PerRowActivations: true, OutlierChannels: 0, KeepFloat: none);
        yield return new Int8Recipe("rowwise-down-fp32", PerRowActivations: true, OutlierChannels: 0, KeepFloat: down);
        yield return new Int8Recipe("rowwise-outliers8", PerRowActivations: true, OutlierChannels: 8, KeepFloat: none);
        yield return new Int8Recipe("rowwise-outliers16-shift", PerRowActivations: true, OutlierChannels: 16, KeepFloat: none, ShiftOneSided: true);
        yield return new Int8Recipe("rowwise-outliers8-shift-down-fp32", PerRowActivations: true, OutlierChannels: 8, KeepFloat: down, ShiftOneSided: true);
    }

    /// <summary>A model directory holding <paramref name="recipe"/>'s graph beside the source vocabulary.</summary>
    private static string Derive(string sourceDirectory, string scratch, Int8Recipe recipe)
    {
        string directory = Directory.CreateDirectory(Path.Combine(scratch, recipe.Name)).FullName;
        string model = Path.Combine(sourceDirectory, EmbeddingModelFiles.Model);
        File.WriteAllBytes(Path.Combine(directory, EmbeddingModelFiles.Model), Int8ModelCache.Derive(File.ReadAllBytes(model), recipe, model)!);
        File.Copy(Path.Combine(sourceDirectory, EmbeddingModelFiles.WordPieceVocabulary), Path.Combine(directory, EmbeddingModelFiles.WordPieceVocabulary));
        return directory;
    }

    private static async Task<(double Rate, double PerCpuSecond, long PeakKiB, float[][] Vectors)> MeasureAsync(EmbeddingOptions options, string[] texts)
    {
        ResetPeakMemory();
        using TextEmbedder embedder = TextEmbedder.Create(options);
        await EmbedAsync(embedder, texts[..Math.Min(texts.Length, embedder.BatchSize * embedder.ParallelRuns * 2)]); // warm-up: session init, allocator
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        float[][] vectors = await EmbedAsync(embedder, texts);
        double rate = texts.Length / clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return (rate, texts.Length / cpuSeconds, PeakMemoryKiB(), vectors);
    }

    /// <summary>One vector per text, in input order.</summary>
    private static async Task<float[][]> EmbedAsync(TextEmbedder embedder, string[] texts)
    {
        var vectors = new float[texts.Length][];
        await foreach (EmbeddedItem<int> item in embedder.EmbedAsync(Enumerable.Range(0, texts.Length).ToAsyncEnumerable(), i => texts[i]))
        {
            vectors[item.Item] = item.Vector!;
        }

        return vectors;
    }

    /// <summary>Quantiles of |cos_variant(i, j) − cos_fp32(i, j)| over every pair, and the lowest cosine of a vector to its fp32 twin.</summary>
    private static (double P50, double P99, double Max, double MinSelf) Change(float[][] reference, float[][] variant)
    {
        var deltas = new List<float>(reference.Length * (reference.Length - 1) / 2);
        double minSelf = 1;
        for (int i = 0; i < reference.Length; i++)
        {
            minSelf = Math.Min(minSelf, TensorPrimitives.Dot(reference[i], variant[i]));
            for (int j = i + 1; j < reference.Length; j++)
            {
                deltas.Add(Math.Abs(TensorPrimitives.Dot(variant[i], variant[j]) - TensorPrimitives.Dot(reference[i], reference[j])));
            }
        }

        deltas.Sort();
        return (deltas[deltas.Count / 2], deltas[(int)(deltas.Count * 0.99)], deltas[^1], minSelf);
    }

    /// <summary>Consecutive ~100-word chunks of the articles (~128 word pieces), the first <paramref name="count"/> with at least 60 words.</summary>
    internal static string[] Chunks(IEnumerable<string> articles, int count) =>
        [.. articles
            .SelectMany(a => a.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Chunk(WordsPerChunk))
            .Where(words => words.Length >= 60)
            .Select(words => string.Join(' ', words))
            .Take(count)];

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Resets VmHWM to the current RSS (Linux ≥ 4.0), so the next reading is this turn's peak.</summary>
    private static void ResetPeakMemory()
    {
        if (File.Exists("/proc/self/clear_refs"))
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
    }

    private static long PeakMemoryKiB()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim());
            }
        }

        return 0;
    }
}
