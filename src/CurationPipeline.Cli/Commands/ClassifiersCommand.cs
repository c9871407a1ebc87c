using System.CommandLine;
using CurationPipeline.Classifiers;
using CurationPipeline.Classifiers.Training;
using CurationPipeline.Training.Classifiers;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate classifiers train|build-starters</c>: trains document classifiers and writes them with model cards.</summary>
public static class ClassifiersCommand
{
    private static readonly LabelEmbeddingCache s_embeddings = new(Path.Combine(Path.GetTempPath(), "curate-classify-embeddings"), message => Console.WriteLine("  " + message));

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

    private static readonly Option<int> s_charMin = new("--char-ngram-min") { Description = "ngram: shortest char n-gram feature (with --char-ngram-max; 0 = word n-grams only).", DefaultValueFactory = _ => 0 };

    private static readonly Option<int> s_charMax = new("--char-ngram-max") { Description = "ngram: longest char n-gram feature (at most 8; 0 = word n-grams only).", DefaultValueFactory = _ => 0 };

    private static readonly Option<bool> s_codeLines = new("--code-lines") { Description = "ngram: add code-line shape indicators (longest run, share and count of lines that look like code)." };

    private static readonly Option<bool> s_arithmetic = new("--arithmetic") { Description = "ngram: add arithmetic indicators (lines that work a sum, such as 48 / 2 = 24, and worked steps)." };

    private static readonly Option<int> s_charChars = new("--char-ngram-chars") { Description = "ngram: leading chars whose char n-grams are features.", DefaultValueFactory = _ => new NgramTrainingOptions().CharNgramChars };

    private static readonly Option<int?> s_epochs = new("--epochs") { Description = "Training epochs (default: ngram 20, head 60)." };

    private static readonly Option<int> s_seed = new("--seed") { Description = "Training shuffle seed.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> s_splits = new("--splits") { Description = "Also train on this many stratified splits (split seeds 7…7+n−1; the model written is the first) and report the spread of held-out metrics (1 = the one split).", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> s_starterSplits = new("--splits") { Description = "Stratified splits whose held-out spread each model card reports.", DefaultValueFactory = _ => 10 };

    private static readonly Option<DirectoryInfo> s_data = new("--data")
    {
        Description = "The shared classify data folder (default: $CURATE_SHARED_DATA/classify, else ../shared/data/classify).",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("CURATE_SHARED_DATA") is { Length: > 0 } shared
            ? Path.Combine(shared, "classify")
            : "../shared/data/classify"),
    };

    private static readonly Option<string> s_work = new("--work") { Description = "Where the starter label files are written.", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "curate-classify-labels") };

    private static readonly Option<DateOnly?> s_date = new("--date") { Description = "Training date (yyyy-MM-dd) printed on the model card; without it the card has no date, so the same data gives the same bytes." };

    private static readonly Option<string?> s_only = new("--only") { Description = "Build this starter only (code, math, safety, hate or quality)." };

    private static readonly Option<bool> s_heads = new("--heads") { Description = "Also train the embedding heads (code, safety, hate, quality) and the ensembles (safety, hate), embedding up to 2,000 label texts per source on the CPU (minutes; cached under the system temp folder)." };

    static ClassifiersCommand()
    {
        s_kind.AcceptOnlyFromAmong("ngram", "head");
        s_trainer.AcceptOnlyFromAmong("adagrad", "torch");
        s_only.AcceptOnlyFromAmong([.. StarterDatasets.Names]);
    }

    /// <summary>Builds the <c>classifiers</c> command.</summary>
    public static Command Create()
    {
        var train = new Command("train", "Train a classifier from a label file; prints held-out metrics and writes the model and its card.")
        {
            s_labels, s_name, s_kind, s_output, s_minPrecision, s_targetThreshold, s_negative, s_bits, s_charMin, s_charMax, s_charChars, s_codeLines, s_arithmetic, s_epochs, s_seed, s_splits, s_trainer, s_hidden, s_date,
        };
        train.SetAction(TrainAsync);
        var starters = new Command("build-starters", "Convert ../shared/data/classify into label files and train the code, math, safety, hate and quality classifiers.")
        {
            s_data, s_output, s_work, s_heads, s_starterSplits, s_date, s_only,
        };
        starters.SetAction(BuildStartersAsync);
        return new Command("classifiers", "Document classifiers: training and the shipped starters.") { train, starters };
    }

    private static async Task<int> TrainAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string path = parse.GetValue(s_labels)!.FullName;
        bool head = parse.GetValue(s_kind) == "head";
        int? epochs = parse.GetValue(s_epochs);
        var ngram = new NgramTrainingOptions
        {
            HashBits = parse.GetValue(s_bits),
            CharNgramMin = parse.GetValue(s_charMin),
            CharNgramMax = parse.GetValue(s_charMax),
            CharNgramChars = parse.GetValue(s_charChars),
            CodeLines = parse.GetValue(s_codeLines),
            Arithmetic = parse.GetValue(s_arithmetic),
            Seed = parse.GetValue(s_seed),
            NegativeLabel = parse.GetValue(s_negative),
        };
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

        var job = new ClassifierJob(parse.GetValue(s_name)!, content.Examples, options, heads, torch, parse.GetValue(s_output)!,
            $"Label file `{path}`: {content.Examples.Count:N0} examples.",
            "`curate classifiers train " + string.Join(' ', parse.Tokens.SkipWhile(t => t.Value != "train").Skip(1).Select(t => t.Value)) + "`",
            "Trained on one label file; the card's metrics hold for data drawn like it, not for arbitrary web text.", parse.GetValue(s_splits))
        {
            Date = parse.GetValue(s_date),
        };
        return head ? await TrainHeadAsync(job, cancellationToken) : TrainNgram(job);
    }

    private static async Task<int> BuildStartersAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        DirectoryInfo dataFolder = parse.GetValue(s_data)!;
        string work = parse.GetValue(s_work)!;
        string output = parse.GetValue(s_output)!;
        int exit = ExitCodes.Success;
        foreach (string name in parse.GetValue(s_only) is { } only ? [only] : StarterDatasets.Names)
        {
            string labels = Path.Combine(work, name + ".jsonl");
            IReadOnlyList<LabeledSource> sources;
            try
            {
                sources = StarterDatasets.BuildSources(dataFolder.FullName, name);
                LabelFile.Write(labels, LeaveOneSourceOut.TrainingExamples(sources, -1));
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"curate: {name}: {e.Message}");
                return ExitCodes.InvalidConfiguration;
            }

            // The card names no machine path: the data and work folders are the options' defaults, wherever they are.
            string command = $"`curate classifiers build-starters --output {output}{(parse.GetValue(s_heads) ? " --heads" : "")}` " +
                "(reads --data, default $CURATE_SHARED_DATA/classify else ../shared/data/classify; writes the label files to --work WORK, default curate-classify-labels " +
                $"in the system temp folder; then trains every starter; this model alone from its label file: `curate classifiers train --labels WORK/{name}.jsonl --name {name} --output {output}";
            ClassifierTrainingOptions options = StarterDatasets.TrainingOptions(name);
            NgramTrainingOptions n = options.Ngram;
            string charNgrams = n.CharNgramMax > 0 ? $" --char-ngram-min {n.CharNgramMin} --char-ngram-max {n.CharNgramMax} --char-ngram-chars {n.CharNgramChars}" : "";
            charNgrams += (n.CodeLines ? " --code-lines" : "") + (n.Arithmetic ? " --arithmetic" : "");
            string threshold = options.ThresholdFromOtherSources ? "; that command has no sources, so it chooses the threshold on its validation split instead of out of source" : "";
            var job = new ClassifierJob(name, LabelFile.Read(labels).Examples, options, new EmbeddingHeadOptions(), null, output,
                StarterDatasets.Describe(name), command + charNgrams + "`" + threshold + ")", StarterDatasets.Limits(name), parse.GetValue(s_starterSplits))
            {
                Sources = sources,
                Date = parse.GetValue(s_date),
            };
            exit = Math.Max(exit, TrainNgram(job));
            if (parse.GetValue(s_heads) && StarterDatasets.HeadNames.Contains(name))
            {
                var torch = new TorchHeadOptions { Hidden = StarterDatasets.HeadHiddenUnits(name) };
                exit = Math.Max(exit, await TrainHeadAsync(job with
                {
                    Torch = torch,
                    Command = command + $" --kind head --trainer torch{(torch.Hidden > 0 ? $" --hidden {torch.Hidden}" : "")}`; that command trains on the label file's labels, without the per-source samples, tables or regression target)",
                    Sources = StarterDatasets.HeadSources(name, sources),
                    MaxHeadExamplesPerSource = StarterDatasets.MaxHeadExamplesPerSource,
                    Ensemble = StarterDatasets.EnsembleNames.Contains(name),
                }, cancellationToken));
            }
        }

        return exit;
    }

    private static int TrainNgram(ClassifierJob job) => Report(job, () => Task.FromResult(ClassifierJobRunner.TrainNgram(job))).GetAwaiter().GetResult();

    private static Task<int> TrainHeadAsync(ClassifierJob job, CancellationToken cancellationToken) =>
        Report(job, () => ClassifierJobRunner.TrainHeadAsync(job, s_embeddings, cancellationToken));

    /// <summary>Runs a job and prints its figures, or its one-line error (exit 1).</summary>
    private static async Task<int> Report(ClassifierJob job, Func<Task<ClassifierJobOutcome>> run)
    {
        ClassifierJobOutcome outcome;
        try
        {
            outcome = await run();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"curate: {job.Name}: {e.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        ClassifierTrainingResult result = outcome.Result;
        ITrainedClassifier model = result.Classifier;
        Console.WriteLine($"{job.Name}{model.FileExtension} ({model.Kind.ToString().ToLowerInvariant()}, {result.TrainCount} trained in {result.TrainSeconds:F1} s)");
        Console.WriteLine("  " + ClassifierModelCard.Summary("validation", result.Validation));
        Console.WriteLine("  " + ClassifierModelCard.Summary("held-out test", result.Test));
        if (outcome.Spread is { } spread)
        {
            Console.WriteLine("  " + spread.Describe());
        }

        foreach (SourceHoldout holdout in outcome.Holdouts)
        {
            Console.WriteLine("  " + ClassifierModelCard.Summary(holdout));
        }

        Console.WriteLine($"  wrote {outcome.ModelPath} ({outcome.ModelBytes:N0} bytes) and {Path.GetFileName(outcome.CardPath)}");
        return ExitCodes.Success;
    }
}
