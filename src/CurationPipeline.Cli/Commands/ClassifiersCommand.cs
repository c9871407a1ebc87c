using System.CommandLine;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Classifiers.Training.Internal;
using CurationPipeline.Embeddings;
using CurationPipeline.Training.Classifiers;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate classifiers train|build-starters</c>: trains document classifiers and writes them with model cards.</summary>
public static class ClassifiersCommand
{
    private static readonly string s_embeddingCacheFolder = Path.Combine(Path.GetTempPath(), "curate-classify-embeddings");

    private static readonly Option<FileInfo> s_labels = new("--labels") { Description = "JSON Lines of {\"text\",\"label\"} or {\"text\",\"score\"}.", Required = true };

    private static readonly Option<string> s_name = new("--name") { Description = "Classifier name (its signal column and file name).", Required = true };

    private static readonly Option<string> s_kind = new("--kind") { Description = "ngram: hashed word uni+bigrams from text; head: linear head on the default MiniLM embedding.", DefaultValueFactory = _ => "ngram" };

    private static readonly Option<string> s_trainer = new("--trainer") { Description = "head: adagrad (plain C#, linear) or torch (TorchSharp AdamW; linear, or an MLP with --hidden).", DefaultValueFactory = _ => "adagrad" };

    private static readonly Option<int> s_hidden = new("--hidden") { Description = "head with --trainer torch: ReLU units of one hidden layer (0 = linear).", DefaultValueFactory = _ => 0 };

    private static readonly Option<string> s_output = new("--output", "-o") { Description = "Folder for NAME.ngram / NAME.head and the model card.", DefaultValueFactory = _ => "classifiers" };

    private static readonly Option<double?> s_minPrecision = new("--min-precision") { Description = "Choose the threshold for the best recall at this validation precision (default: best F1)." };

    private static readonly Option<double> s_targetThreshold = new("--target-threshold") { Description = "Regression: targets at or above it are positives for F1.", DefaultValueFactory = _ => 3 };

    private static readonly Option<string?> s_negative = new("--negative-label") { Description = "The label the score measures the absence of (default: 0/false/neither/negative, else the first)." };

    private static readonly Option<int> s_bits = new("--bits") { Description = "ngram: hash bits (2^bits buckets).", DefaultValueFactory = _ => 20 };

    private static readonly Option<int?> s_epochs = new("--epochs") { Description = "Training epochs (default: ngram 20, head 60)." };

    private static readonly Option<int> s_seed = new("--seed") { Description = "Training shuffle seed.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> s_splits = new("--splits") { Description = "Also train on this many stratified splits (split seeds 7…7+n−1; the model written is the first) and report the spread of held-out metrics (1 = the one split).", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> s_starterSplits = new("--splits") { Description = "Stratified splits whose held-out spread each model card reports.", DefaultValueFactory = _ => 10 };

    private static readonly Option<DirectoryInfo> s_data = new("--data") { Description = "The shared classify data folder.", DefaultValueFactory = _ => new DirectoryInfo("../shared/data/classify") };

    private static readonly Option<string> s_work = new("--work") { Description = "Where the starter label files are written.", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "curate-classify-labels") };

    private static readonly Option<bool> s_heads = new("--heads") { Description = "Also train the embedding heads (quality), embedding the label texts on the CPU (slow; cached under /tmp)." };

    static ClassifiersCommand()
    {
        s_kind.AcceptOnlyFromAmong("ngram", "head");
        s_trainer.AcceptOnlyFromAmong("adagrad", "torch");
    }

    /// <summary>Builds the <c>classifiers</c> command.</summary>
    public static Command Create()
    {
        var train = new Command("train", "Train a classifier from a label file; prints held-out metrics and writes the model and its card.")
        {
            s_labels, s_name, s_kind, s_output, s_minPrecision, s_targetThreshold, s_negative, s_bits, s_epochs, s_seed, s_splits, s_trainer, s_hidden,
        };
        train.SetAction(TrainAsync);
        var starters = new Command("build-starters", "Convert ../shared/data/classify into label files and train the code, math, safety and quality classifiers.")
        {
            s_data, s_output, s_work, s_heads, s_starterSplits,
        };
        starters.SetAction(BuildStartersAsync);
        return new Command("classifiers", "Document classifiers: training and the shipped starters.") { train, starters };
    }

    private static async Task<int> TrainAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string path = parse.GetValue(s_labels)!.FullName;
        bool head = parse.GetValue(s_kind) == "head";
        int? epochs = parse.GetValue(s_epochs);
        var ngram = new NgramTrainingOptions { HashBits = parse.GetValue(s_bits), Seed = parse.GetValue(s_seed), NegativeLabel = parse.GetValue(s_negative) };
        var heads = new EmbeddingHeadOptions { Seed = parse.GetValue(s_seed), NegativeLabel = parse.GetValue(s_negative) };
        TorchHeadOptions? torch = parse.GetValue(s_trainer) == "torch"
            ? new TorchHeadOptions { Hidden = parse.GetValue(s_hidden), Seed = parse.GetValue(s_seed), NegativeLabel = parse.GetValue(s_negative) }
            : null;
        ClassifierTrainingOptions options;
        LabelFileContent content;
        try
        {
            options = new ClassifierTrainingOptions
            {
                MinPrecision = parse.GetValue(s_minPrecision),
                TargetThreshold = parse.GetValue(s_targetThreshold),
                Ngram = epochs is { } e ? ngram with { Epochs = e } : ngram,
            };
            heads = epochs is { } he ? heads with { Epochs = he } : heads;
            torch = epochs is { } te && torch is not null ? torch with { Epochs = te } : torch;
            ArgumentOutOfRangeException.ThrowIfLessThan(parse.GetValue(s_splits), 1, "--splits");
            if ((parse.GetValue(s_hidden) != 0 || torch is not null) && !head)
            {
                throw new ArgumentException("--trainer and --hidden apply to --kind head.");
            }

            if (parse.GetValue(s_hidden) != 0 && torch is null)
            {
                throw new ArgumentException("--hidden needs --trainer torch.");
            }

            options.Validate();
            heads.Validate();
            torch?.Validate();
            content = LabelFile.Read(path);
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            Console.Error.WriteLine($"curate: {e.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        foreach ((string reason, int count) in content.Rejected)
        {
            Console.Error.WriteLine($"skipped {count} line(s): {reason}");
        }

        var job = new TrainingJob(parse.GetValue(s_name)!, content.Examples, options, heads, torch, parse.GetValue(s_output)!,
            $"Label file `{path}`: {content.Examples.Count:N0} examples.",
            "`curate classifiers train " + string.Join(' ', parse.Tokens.SkipWhile(t => t.Value != "train").Skip(1).Select(t => t.Value)) + "`",
            "Trained on one label file; the card's metrics hold for data drawn like it, not for arbitrary web text.", parse.GetValue(s_splits));
        return head ? await TrainHeadAsync(job, cancellationToken) : TrainNgram(job);
    }

    private static async Task<int> BuildStartersAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        DirectoryInfo dataFolder = parse.GetValue(s_data)!;
        string work = parse.GetValue(s_work)!;
        string output = parse.GetValue(s_output)!;
        int exit = ExitCodes.Success;
        foreach (string name in StarterDatasets.Names)
        {
            string labels = Path.Combine(work, name + ".jsonl");
            try
            {
                LabelFile.Write(labels, StarterDatasets.Build(dataFolder.FullName, name));
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"curate: {name}: {e.Message}");
                return ExitCodes.InvalidConfiguration;
            }

            string command = $"`curate classifiers build-starters --data {dataFolder} --work {work} --output {output}{(parse.GetValue(s_heads) ? " --heads" : "")}` " +
                $"(writes the label files, then trains every starter; this model alone from its label file: `curate classifiers train --labels {labels} --name {name} --output {output}";
            var job = new TrainingJob(name, LabelFile.Read(labels).Examples, new ClassifierTrainingOptions(), new EmbeddingHeadOptions(), null, output,
                StarterDatasets.Describe(name), command + "`)", StarterDatasets.Limits(name), parse.GetValue(s_starterSplits));
            exit = Math.Max(exit, TrainNgram(job));
            if (parse.GetValue(s_heads) && StarterDatasets.HeadNames.Contains(name))
            {
                // The starter heads: TorchSharp, one 64-unit ReLU layer (mean held-out F1 over 10 splits on quality: 0.415, vs 0.408 for
                // the AdaGrad linear head and 0.385 for a TorchSharp linear one; equal within the split noise).
                var torch = new TorchHeadOptions { Hidden = 64 };
                exit = Math.Max(exit, await TrainHeadAsync(job with { Torch = torch, Command = command + $" --kind head --trainer torch --hidden {torch.Hidden}`)" }, cancellationToken));
            }
        }

        return exit;
    }

    private static int TrainNgram(TrainingJob job)
    {
        try
        {
            NgramTrainingOptions n = job.Options.Ngram;
            return Write(job, o => ClassifierTraining.Run(job.Name, job.Examples, o), $"{n.Epochs} AdaGrad epochs, lr {n.LearningRate}, L2 {n.L2}, seed {n.Seed}");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"curate: {job.Name}: {e.Message}");
            return ExitCodes.InvalidConfiguration;
        }
    }

    private static async Task<int> TrainHeadAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        List<float[]> embeddings = await EmbedAsync(job.Examples, cancellationToken);
        try
        {
            string input = $"embeddings: {DefaultEmbeddingModel.Name}, first {new EmbeddingOptions().MaxTokens} tokens";
            if (job.Torch is { } t)
            {
                return Write(job, o => ClassifierTraining.RunHead(job.Examples, embeddings, o, (examples, vectors) => TorchHeadTrainer.Train(job.Name, examples, vectors, DefaultEmbeddingModel.Name, t)),
                    $"TorchSharp AdamW, {(t.Hidden > 0 ? $"{t.Hidden} ReLU hidden units, dropout {t.Dropout}, " : "linear, ")}{t.Epochs} epochs of batches of {t.BatchSize}, lr {t.LearningRate}, weight decay {t.WeightDecay}, seed {t.Seed}; {input}");
            }

            EmbeddingHeadOptions h = job.Head;
            return Write(job, o => ClassifierTraining.RunHead(job.Name, job.Examples, embeddings, DefaultEmbeddingModel.Name, o, h), $"{h.Epochs} AdaGrad epochs, lr {h.LearningRate}, L2 {h.L2}, seed {h.Seed}; {input}");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"curate: {job.Name}: {e.Message}");
            return ExitCodes.InvalidConfiguration;
        }
    }

    /// <summary>Embeds every example with the default model on the CPU; the vectors are cached under /tmp by a hash of the texts.</summary>
    private static async Task<List<float[]>> EmbedAsync(IReadOnlyList<LabeledText> examples, CancellationToken cancellationToken)
    {
        var options = new EmbeddingOptions { UseCuda = false };
        var hash = new XxHash64();
        hash.Append(Encoding.UTF8.GetBytes($"{DefaultEmbeddingModel.Name}/{options.MaxTokens}/{examples.Count}"));
        foreach (LabeledText example in examples)
        {
            hash.Append(MemoryMarshal.AsBytes(example.Text.AsSpan()));
        }

        string cache = Path.Combine(s_embeddingCacheFolder, $"{hash.GetCurrentHashAsUInt64():x16}.f32");
        if (File.Exists(cache))
        {
            byte[] bytes = await File.ReadAllBytesAsync(cache, cancellationToken);
            int dimension = bytes.Length / 4 / examples.Count;
            return [.. Enumerable.Range(0, examples.Count).Select(i => MemoryMarshal.Cast<byte, float>(bytes.AsSpan(i * dimension * 4, dimension * 4)).ToArray())];
        }

        Console.WriteLine($"  embedding {examples.Count} texts with {DefaultEmbeddingModel.Name} on the CPU (cached in {cache})");
        using TextEmbedder embedder = TextEmbedder.Create(options);
        var vectors = new float[examples.Count][];
        await foreach (EmbeddedItem<int> item in embedder.EmbedAsync(Enumerable.Range(0, examples.Count).ToAsyncEnumerable(), i => examples[i].Text, cancellationToken))
        {
            vectors[item.Item] = item.Vector ?? new float[embedder.Dimension];
        }

        Directory.CreateDirectory(s_embeddingCacheFolder);
        await using (var stream = new FileStream(cache + ".tmp", FileMode.Create, FileAccess.Write))
        {
            foreach (float[] v in vectors)
            {
                await stream.WriteAsync(MemoryMarshal.AsBytes(v.AsSpan()).ToArray(), cancellationToken);
            }
        }

        File.Move(cache + ".tmp", cache, overwrite: true);
        return [.. vectors];
    }

    /// <summary>Trains on the job's split (and, with <see cref="TrainingJob.Splits"/> &gt; 1, on more splits for the spread), then writes the model and its card.</summary>
    private static int Write(TrainingJob job, Func<ClassifierTrainingOptions, ClassifierTrainingResult> train, string hyperParameters)
    {
        ClassifierTrainingResult result = train(job.Options);
        SplitSpread? spread = job.Splits > 1 ? SplitSpread.Measure(job.Options, job.Splits, result, train) : null;
        ITrainedClassifier model = result.Classifier;
        Console.WriteLine($"{job.Name}{model.FileExtension} ({model.Kind.ToString().ToLowerInvariant()}, {result.TrainCount} trained in {result.TrainSeconds:F1} s)");
        Console.WriteLine("  " + ClassifierModelCard.Summary("validation", result.Validation));
        Console.WriteLine("  " + ClassifierModelCard.Summary("held-out test", result.Test));
        if (spread is not null)
        {
            Console.WriteLine("  " + spread.Describe());
        }

        string modelPath = Path.Combine(job.Output, job.Name + model.FileExtension);
        model.Save(modelPath);
        long bytes = new FileInfo(modelPath).Length;
        string cardName = job.Name + (model.FileExtension == NgramClassifier.Extension ? "" : "-head") + ".md";
        string card = ClassifierModelCard.Format(result, job.Options, hyperParameters, job.Data, job.Command, job.Limits,
            DateOnly.FromDateTime(DateTime.UtcNow), Path.GetFileName(modelPath), bytes, spread);
        File.WriteAllText(Path.Combine(job.Output, cardName), card);
        Console.WriteLine($"  wrote {modelPath} ({bytes:N0} bytes) and {cardName}");
        return ExitCodes.Success;
    }

    /// <summary>One model to train and write, with what its card says.</summary>
    private sealed record TrainingJob(string Name, IReadOnlyList<LabeledText> Examples, ClassifierTrainingOptions Options, EmbeddingHeadOptions Head, TorchHeadOptions? Torch,
        string Output, string Data, string Command, string Limits, int Splits);
}
