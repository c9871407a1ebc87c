using System.Diagnostics;
using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;

namespace CurationPipeline.Benchmarks;

/// <summary>
/// N-gram classifier throughput from raw text: every starter model (<see cref="StarterDatasets.Names"/>) on the FineWeb-Edu sample documents (real web
/// text, median ≈ 2.3 k chars), docs/s and MB/s on one thread and on every core (with char n-grams, also the same
/// weights on word n-grams only, the baseline of the char n-grams' cost; with code-line or arithmetic indicators, the same sets without them); and the quality embedding head's docs/s per
/// core when the embedding is already computed; and each shipped ensemble (n-gram model plus head) against its n-gram model alone.
/// </summary>
/// <remarks>Args: <c>[--seconds 3] [--classifiers DIR]</c> (default: classifiers/ above the binary).</remarks>
internal sealed class ClassifierBenchmark : IBenchmark
{
    public string Name => "classify";

    public string Description => "n-gram classifiers docs/s per core from raw text on FineWeb-Edu documents, and embedding-head docs/s per core [--models a,b,...] [--classifiers DIR] [--seconds S]";

    public Task<int> RunAsync(string[] args)
    {
        double seconds = BenchmarkArgs.Double(args, "--seconds", 3);
        string folder = BenchmarkArgs.String(args, "--classifiers") ?? Path.Combine(BenchmarkPaths.RepoRoot(), "classifiers");
        string classify = BenchmarkPaths.SharedData("classify");
        string[] texts = [.. StarterDatasets.Build(classify, "quality").Select(e => e.Text)];
        double megabytes = texts.Sum(t => (long)t.Length) * 2 / 1e6;
        Console.WriteLine($"classify: {texts.Length} FineWeb-Edu documents, mean {texts.Average(t => t.Length):F0} chars, {Environment.ProcessorCount} cores, {seconds} s per measurement");
        // --models code,math,safety,quality: the set a pipeline scores (the quickstart's four); default every starter.
        string[] names = BenchmarkArgs.String(args, "--models")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? [.. StarterDatasets.Names];
        var models = new List<NgramClassifier>();
        foreach (string name in names)
        {
            models.Add(NgramClassifier.Load(Path.Combine(folder, name + NgramClassifier.Extension)));
        }

        foreach (NgramClassifier model in models)
        {
            Measure(model.Name, model.Score, texts, megabytes, seconds, 1);
        }

        string all = $"all {models.Count}";
        Measure($"{all}, one by one", text => models.Sum(m => m.Score(text)), texts, megabytes, seconds, 1);
        // As ClassifyStage scores them: one set per group of models one pass can hash for (text hashed once per group).
        NgramClassifierSet[] sets = [.. Groups(models).Select(g => new NgramClassifierSet(g))];
        double ScoreSets(string text) => SumOfScores(sets, text);

        string label = sets.Length == 1 ? $"{all}, NgramClassifierSet" : $"{all}, {sets.Length} NgramClassifierSets";
        Measure(label, ScoreSets, texts, megabytes, seconds, 1);
        Measure(label, ScoreSets, texts, megabytes, seconds, Environment.ProcessorCount);
        if (models.Any(m => m.CharNgramMax > 0))
        {
            // Baseline in the same run: the same weights scored on their word n-grams only (one set), so the ratio is the char n-grams' cost.
            var words = new NgramClassifierSet([.. models.Select(WordsOnly)]);
            double WordScores(string text)
            {
                Span<double> scores = stackalloc double[models.Count];
                words.ScoreAll(text, scores);
                double sum = 0;
                foreach (double score in scores)
                {
                    sum += score;
                }

                return sum;
            }

            Measure($"{all}, word n-grams only", WordScores, texts, megabytes, seconds, 1);
            CompareBest("char n-grams cost", ScoreSets, WordScores, "the word-only set", texts, seconds);
        }

        if (models.Any(m => m.CodeLines || m.Arithmetic))
        {
            // Baseline in the same run: the same sets with the code-line and arithmetic indicators off, so the ratio is their cost.
            NgramClassifierSet[] plain = [.. Groups(models).Select(g => new NgramClassifierSet([.. g.Select(WithoutIndicators)]))];
            CompareBest("code-line and arithmetic indicators cost", ScoreSets, text => SumOfScores(plain, text), "the same sets without them", texts, seconds);
        }

        var quality = (EmbeddingHead)ClassifierLoader.LoadHead(Path.Combine(folder, "quality" + EmbeddingHead.Extension));
        MeasureHead(quality, seconds);
        MeasureHead(RandomMlp(quality.Dimension, hidden: 128), seconds);
        foreach (string path in Directory.GetFiles(folder, "*" + ClassifierEnsemble.Extension).Order(StringComparer.Ordinal))
        {
            MeasureEnsemble(ClassifierLoader.LoadEnsemble(path), texts, seconds);
        }

        ReportOtherSourceRates(models);
        return Task.FromResult(0);
    }

    /// <summary>A binary head with a 128-unit hidden layer and random weights: the cost of an MLP head, which does not depend on the values.</summary>
    private static EmbeddingHead RandomMlp(int dimension, int hidden)
    {
        var random = new Random(5);
        float[] Values(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5))];
        var metadata = new CurationPipeline.Classifiers.Internal.ClassifierMetadata
        {
            Name = $"mlp{hidden}", Kind = ClassifierKind.Binary, Labels = ["0", "1"], NegativeLabel = "0", Dimension = dimension, Hidden = hidden, EmbeddingModel = "random",
        };
        return new EmbeddingHead(metadata, Values(hidden), Values(1), Values(hidden * dimension), Values(hidden));
    }

    /// <summary>
    /// How often each model fires, at its own threshold, on text of a source none was trained on: the 181 Scrapinghub
    /// articles (news, blogs, shops; a few non-English). For code, math and safety nearly all are negatives, so the rate
    /// approximates a false-positive rate on ordinary web prose.
    /// </summary>
    private static void ReportOtherSourceRates(List<NgramClassifier> models)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(BenchmarkPaths.SharedData("extraction", "scrapinghub", "ground-truth.json")));
        string[] articles = [.. json.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("articleBody").GetString() ?? "").Where(t => t.Length > 0)];
        Console.WriteLine($"  positive rate on {articles.Length} Scrapinghub articles (a source no model was trained on): " +
            string.Join(", ", models.Select(m => $"{m.Name} {articles.Count(a => m.Score(a) >= m.Threshold)}")));
    }

    /// <summary>A head on embeddings the pipeline already has: synthetic unit vectors of the head's dimension, one thread.</summary>
    private static void MeasureHead(IEmbeddingClassifier head, double seconds)
    {
        var random = new Random(3);
        var vectors = new float[4096][];
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] = new float[head.Dimension];
            for (int d = 0; d < head.Dimension; d++)
            {
                vectors[i][d] = (float)(random.NextDouble() - 0.5);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(vectors[i], System.Numerics.Tensors.TensorPrimitives.Norm(vectors[i]), vectors[i]);
        }

        double sink = 0;
        long documents = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (float[] v in vectors)
            {
                sink += head.Score(v);
            }

            documents += vectors.Length;
        }

        double perSecond = documents / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {head.Name}.head ({head.Dimension}-d, embedding given) threads=1: {perSecond:N0} docs/s per core; four such heads ≈ {perSecond / 4:N0} docs/s (checksum {sink:E3})");
    }

    /// <summary>
    /// An ensemble in the semantic pass: its n-gram model on the text plus its head on a given embedding, one thread; the baseline,
    /// in alternating rounds of the same run, is its n-gram model alone (what the tag pass already pays).
    /// </summary>
    private static void MeasureEnsemble(ClassifierEnsemble ensemble, string[] texts, double seconds)
    {
        var embedding = new float[ensemble.Head.Dimension];
        Array.Fill(embedding, 1 / MathF.Sqrt(embedding.Length));
        double bestEnsemble = 0, bestNgram = 0;
        for (int round = 0; round < 6; round++)
        {
            bestEnsemble = Math.Max(bestEnsemble, Rate(text => ensemble.Score(text, embedding), texts, seconds / 3));
            bestNgram = Math.Max(bestNgram, Rate(ensemble.Ngram.Score, texts, seconds / 3));
        }

        Console.WriteLine($"  {ensemble.Name}{ClassifierEnsemble.Extension} (text + embedding given, best of 6 alternating rounds) threads=1: {bestEnsemble:N0} docs/s per core, " +
            $"{bestEnsemble / bestNgram:F2}x its n-gram model alone ({bestNgram:N0})");
    }

    /// <summary>Docs/s of <paramref name="score"/> on one thread over <paramref name="seconds"/>.</summary>
    private static double Rate(Func<string, double> score, string[] texts, double seconds)
    {
        double sink = 0;
        long documents = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; clock.Elapsed.TotalSeconds < seconds; i = (i + 1) % texts.Length)
        {
            sink += score(texts[i]);
            documents++;
        }

        return sink == double.MinValue ? 0 : documents / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The models grouped as ClassifyStage groups them: the first set one pass can score, then a set of the rest, and so on.</summary>
    private static List<List<NgramClassifier>> Groups(List<NgramClassifier> models)
    {
        var groups = new List<List<NgramClassifier>>();
        for (List<NgramClassifier> rest = models; rest.Count > 0;)
        {
            int[] members = NgramClassifierSet.Members(rest);
            groups.Add([.. members.Select(i => rest[i])]);
            rest = [.. rest.Where((_, i) => !members.Contains(i))];
        }

        return groups;
    }

    /// <summary>Scores a text with every set, as ClassifyStage does, and sums the scores (the checksum).</summary>
    private static double SumOfScores(NgramClassifierSet[] sets, string text)
    {
        Span<double> scores = stackalloc double[sets.Max(s => s.Classifiers.Length)];
        double sum = 0;
        foreach (NgramClassifierSet set in sets)
        {
            set.ScoreAll(text, scores);
            for (int m = 0; m < set.Classifiers.Length; m++)
            {
                sum += scores[m];
            }
        }

        return sum;
    }

    /// <summary>
    /// Alternates short rounds of <paramref name="measured"/> and <paramref name="baseline"/> on one thread and prints each side's best
    /// docs/s and their ratio: on a loaded machine one measurement each is noise.
    /// </summary>
    private static void CompareBest(string label, Func<string, double> measured, Func<string, double> baseline, string baselineName, string[] texts, double seconds)
    {
        double bestMeasured = 0, bestBaseline = 0;
        for (int round = 0; round < 6; round++)
        {
            bestMeasured = Math.Max(bestMeasured, Rate(measured, texts, seconds / 3));
            bestBaseline = Math.Max(bestBaseline, Rate(baseline, texts, seconds / 3));
        }

        Console.WriteLine($"  {label} (best of 6 alternating rounds): {bestMeasured:N0} vs {bestBaseline:N0} docs/s per core, {bestMeasured / bestBaseline:F2}x {baselineName}");
    }

    /// <summary>The same model without its code-line and arithmetic indicators (for the cost baseline).</summary>
    private static NgramClassifier WithoutIndicators(NgramClassifier model) =>
        new(model.Metadata with { CodeLines = false, Arithmetic = false }, model.Weights.ToArray(), model.Bias.ToArray());

    /// <summary>The same model without its char n-gram features (word n-grams only; for the cost baseline).</summary>
    private static NgramClassifier WordsOnly(NgramClassifier model) =>
        new(model.Metadata with { CharNgramMin = 0, CharNgramMax = 0, CharNgramChars = 0 }, model.Weights.ToArray(), model.Bias.ToArray());

    private static double Measure(string label, Func<string, double> score, string[] texts, double megabytes, double seconds, int threads)
    {
        double sink = 0;
        foreach (string text in texts)
        {
            sink += score(text); // warm-up: JIT, page in the weights
        }

        long documents = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long local = 0;
            double localSink = 0;
            for (int i = t; clock.Elapsed.TotalSeconds < seconds; i = (i + threads) % texts.Length)
            {
                localSink += score(texts[i]);
                local++;
            }

            Interlocked.Add(ref documents, local);
            lock (texts)
            {
                sink += localSink;
            }
        });
        double elapsed = clock.Elapsed.TotalSeconds;
        double perSecond = documents / elapsed;
        Console.WriteLine($"  {label,-26} threads={threads}: {perSecond:N0} docs/s, {perSecond / threads:N0} docs/s/thread, " +
            $"{perSecond * megabytes / texts.Length:F1} MB/s (UTF-16) (checksum {sink:E3})");
        return perSecond / threads;
    }
}
