using System.CommandLine;
using CurationPipeline.Classifiers;

namespace CurationPipeline.Cli.Commands;

/// <summary><c>curate classifiers train|build-starters</c>: trains n-gram document classifiers and writes them with model cards.</summary>
public static class ClassifiersCommand
{
    private static readonly Option<FileInfo> s_labels = new("--labels") { Description = "JSON Lines of {\"text\",\"label\"} or {\"text\",\"score\"}.", Required = true };

    private static readonly Option<string> s_name = new("--name") { Description = "Classifier name (its signal column and file name).", Required = true };

    private static readonly Option<string> s_kind = new("--kind") { Description = "Model kind: ngram (hashed word uni+bigrams).", DefaultValueFactory = _ => "ngram" };

    private static readonly Option<string> s_output = new("--output", "-o") { Description = "Folder for NAME.ngram and NAME.md.", DefaultValueFactory = _ => "classifiers" };

    private static readonly Option<double?> s_minPrecision = new("--min-precision") { Description = "Choose the threshold for the best recall at this validation precision (default: best F1)." };

    private static readonly Option<double> s_targetThreshold = new("--target-threshold") { Description = "Regression: targets at or above it are positives for F1.", DefaultValueFactory = _ => 3 };

    private static readonly Option<string?> s_negative = new("--negative-label") { Description = "The label the score measures the absence of (default: 0/false/neither/negative, else the first)." };

    private static readonly Option<int> s_bits = new("--bits") { Description = "Hash bits (2^bits buckets).", DefaultValueFactory = _ => 20 };

    private static readonly Option<int> s_epochs = new("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 20 };

    private static readonly Option<int> s_seed = new("--seed") { Description = "Training shuffle seed.", DefaultValueFactory = _ => 1 };

    private static readonly Option<DirectoryInfo> s_data = new("--data") { Description = "The shared classify data folder.", DefaultValueFactory = _ => new DirectoryInfo("../shared/data/classify") };

    private static readonly Option<string> s_work = new("--work") { Description = "Where the starter label files are written.", DefaultValueFactory = _ => "/tmp/curate-classify-labels" };

    static ClassifiersCommand() => s_kind.AcceptOnlyFromAmong("ngram");

    /// <summary>Builds the <c>classifiers</c> command.</summary>
    public static Command Create()
    {
        var train = new Command("train", "Train a classifier from a label file; prints held-out metrics and writes the model and its card.")
        {
            s_labels, s_name, s_kind, s_output, s_minPrecision, s_targetThreshold, s_negative, s_bits, s_epochs, s_seed,
        };
        train.SetAction(Train);
        var starters = new Command("build-starters", "Convert ../shared/data/classify into label files and train the code, math, safety and quality classifiers.")
        {
            s_data, s_output, s_work,
        };
        starters.SetAction(BuildStarters);
        return new Command("classifiers", "Document classifiers: training and the shipped starters.") { train, starters };
    }

    private static int Train(ParseResult parse)
    {
        string path = parse.GetValue(s_labels)!.FullName;
        string name = parse.GetValue(s_name)!;
        ClassifierTrainingOptions options;
        LabelFileContent content;
        try
        {
            options = new ClassifierTrainingOptions
            {
                MinPrecision = parse.GetValue(s_minPrecision),
                TargetThreshold = parse.GetValue(s_targetThreshold),
                Ngram = new NgramTrainingOptions { HashBits = parse.GetValue(s_bits), Epochs = parse.GetValue(s_epochs), Seed = parse.GetValue(s_seed), NegativeLabel = parse.GetValue(s_negative) },
            };
            options.Validate();
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

        string command = "`curate classifiers train " + string.Join(' ', Environment.GetCommandLineArgs().SkipWhile(a => a != "train").Skip(1)) + "`";
        return TrainAndWrite(name, content.Examples, options, parse.GetValue(s_output)!, $"Label file `{path}`: {content.Examples.Count:N0} examples.", command,
            "Trained on one label file; the card's metrics hold for data drawn like it, not for arbitrary web text.");
    }

    private static int BuildStarters(ParseResult parse)
    {
        DirectoryInfo dataFolder = parse.GetValue(s_data)!;
        string data = dataFolder.FullName;
        string work = parse.GetValue(s_work)!;
        string output = parse.GetValue(s_output)!;
        int exit = ExitCodes.Success;
        foreach (string name in StarterDatasets.Names)
        {
            string labels = Path.Combine(work, name + ".jsonl");
            try
            {
                LabelFile.Write(labels, StarterDatasets.Build(data, name));
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"curate: {name}: {e.Message}");
                return ExitCodes.InvalidConfiguration;
            }

            var options = new ClassifierTrainingOptions();
            string command = $"`curate classifiers build-starters --data {dataFolder} --work {work} --output {output}` (writes the label files, then trains " +
                $"every starter; this model alone from its label file: `curate classifiers train --labels {labels} --name {name} --output {output}`)";
            int code = TrainAndWrite(name, LabelFile.Read(labels).Examples, options, output, StarterDatasets.Describe(name), command, StarterDatasets.Limits(name));
            exit = Math.Max(exit, code);
        }

        return exit;
    }

    private static int TrainAndWrite(string name, IReadOnlyList<LabeledText> examples, ClassifierTrainingOptions options, string output, string data, string command, string limits)
    {
        ClassifierTrainingResult result;
        try
        {
            result = ClassifierTraining.Run(name, examples, options);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"curate: {name}: {e.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        Console.WriteLine($"{name} ({result.Classifier.Kind.ToString().ToLowerInvariant()}, {result.TrainCount} trained in {result.TrainSeconds:F1} s)");
        Console.WriteLine("  " + ClassifierModelCard.Summary("validation", result.Validation));
        Console.WriteLine("  " + ClassifierModelCard.Summary("held-out test", result.Test));
        string modelPath = Path.Combine(output, name + ".ngram");
        result.Classifier.Save(modelPath);
        long bytes = new FileInfo(modelPath).Length;
        string card = ClassifierModelCard.Format(result, options, data, command, limits, DateOnly.FromDateTime(DateTime.UtcNow), Path.GetFileName(modelPath), bytes);
        File.WriteAllText(Path.Combine(output, name + ".md"), card);
        Console.WriteLine($"  wrote {modelPath} ({bytes:N0} bytes) and {name}.md");
        return ExitCodes.Success;
    }
}
