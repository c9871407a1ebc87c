using System.Text.Json;
using System.Xml.Linq;
using CurationPipeline.Storage;
using CurationPipeline.Training.Ablation;
using CurationPipeline.Training.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Training.Tests.Ablation;

public sealed class AblationRunnerTests
{
    [Fact]
    public async Task RunAsync_TwoMixes_TrainsOnDifferentMixesAndScoresOnOneValidationSet()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedCorpus.WriteAsync(ct);
        string output = Directory.CreateTempSubdirectory("curate-ablate-out-").FullName;
        AblationOptions options = AblationFixtures.Options(tagged, output, AblationFixtures.Mix(0.8), AblationFixtures.Mix(0.3));

        AblationResult result = await new AblationRunner(LocalStorage.Instance, NullLoggerFactory.Instance).RunAsync(options, ct);

        Assert.Equal(["general-heavy", "multilingual-heavy"], result.Runs.Select(r => r.Mix));
        Assert.Equal(6, result.Steps);
        AblationRun general = result.Runs[0], multilingual = result.Runs[1];
        // Same model, seed and budget; different data.
        Assert.Equal(general.Training.ParameterCount, multilingual.Training.ParameterCount);
        Assert.All(result.Runs, r => Assert.Equal(6 * 64, r.Training.TokensSeen));
        Assert.InRange(Share(general, "general"), 0.77, 0.83); // whole 41-token documents
        Assert.InRange(Share(multilingual, "general"), 0.27, 0.33);
        // One validation set: both domains, scored for both runs, and the shards on disk hold the same tokens.
        Assert.Equal(["general", "multilingual"], result.Validation.DomainTokens.Keys);
        Assert.All(result.Runs, r => Assert.Equal(["general", "multilingual"], r.FinalEvaluation.DomainLoss.Keys));
        foreach (AblationRun run in result.Runs)
        {
            TrainingData data = await TrainingData.LoadAsync(LocalStorage.Instance, new TrainingDataOptions
            {
                TrainPattern = Path.Combine(output, "mixes", run.Mix, "train"),
                ValidationPattern = Path.Combine(output, "mixes", run.Mix, "validation"),
            }, ct);
            Assert.Equal(result.Validation.Hash, ValidationSetFingerprint.Of(data).Hash);
        }

        // Evaluations every 3 steps and at the end; every step's loss is logged per run.
        Assert.All(result.Runs, r => Assert.Equal([3L, 6L], r.Training.Evaluations.Select(e => e.Step)));
        Assert.All(result.Runs, r => Assert.Equal(6, File.ReadAllLines(Path.Combine(r.RunDirectory, "metrics.jsonl")).Count(l => l.Contains("\"kind\":\"step\"", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task RunAsync_TwoMixesTwoSeeds_WritesTableJsonAndWellFormedSvg()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string tagged = await TaggedCorpus.WriteAsync(ct);
        string output = Directory.CreateTempSubdirectory("curate-ablate-out-").FullName;
        AblationOptions options = AblationFixtures.Options(tagged, output, AblationFixtures.Mix(0.8), AblationFixtures.Mix(0.3)) with { Seeds = [11, 12] };

        AblationResult result = await new AblationRunner(LocalStorage.Instance, NullLoggerFactory.Instance).RunAsync(options, ct);

        Assert.Equal([("general-heavy", 11L), ("general-heavy", 12L), ("multilingual-heavy", 11L), ("multilingual-heavy", 12L)],
            result.Runs.Select(r => (r.Mix, r.Seed)));
        Assert.NotEqual(result.Runs[0].FinalEvaluation.Loss, result.Runs[1].FinalEvaluation.Loss); // the seed reaches the model
        Assert.Equal(4, result.Runs.Select(r => r.RunDirectory).Distinct().Count());

        string markdown = await File.ReadAllTextAsync(Path.Combine(output, AblationReport.MarkdownFileName), ct);
        string[] lines = markdown.Split('\n');
        Assert.Contains("| mix | seeds | val general | val multilingual | val overall | Δ overall | tokens/param | × Chinchilla (20) |", lines);
        foreach (AblationRun run in result.Runs)
        {
            string row = Assert.Single(lines, l => l.StartsWith($"| {run.Mix} | {run.Seed} | {run.FinalEvaluation.DomainLoss["general"]:F4} | {run.FinalEvaluation.DomainLoss["multilingual"]:F4} | {run.FinalEvaluation.Loss:F4} |", StringComparison.Ordinal));
            Assert.Contains($"| {run.TokensPerParameter:F4} | {run.TokensPerParameter / 20:F4} |", row, StringComparison.Ordinal);
        }

        Assert.Contains("| mix | general | multilingual | epochs (max) |", lines);
        double[] generalHeavy = [result.Runs[0].FinalEvaluation.Loss, result.Runs[1].FinalEvaluation.Loss];
        double mean = generalHeavy.Average(), std = Math.Abs(generalHeavy[0] - generalHeavy[1]) / Math.Sqrt(2);
        string summary = Assert.Single(lines, l => l.StartsWith("| general-heavy | 2 |", StringComparison.Ordinal));
        Assert.Contains($"| {mean:F4} ± {std:F4} | — |", summary, StringComparison.Ordinal);

        using JsonDocument json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, AblationReport.JsonFileName), ct));
        Assert.Equal(result.Validation.Hash, json.RootElement.GetProperty("validation").GetProperty("fingerprint").GetString());
        JsonElement[] mixes = [.. json.RootElement.GetProperty("mixes").EnumerateArray()];
        Assert.Equal(mean, mixes[0].GetProperty("validation_loss_mean").GetDouble(), 12);
        Assert.Equal(std, mixes[0].GetProperty("validation_loss_std").GetDouble(), 12);
        Assert.Equal(0.0, mixes[0].GetProperty("delta_vs_first").GetDouble());
        JsonElement[] runs = [.. json.RootElement.GetProperty("runs").EnumerateArray()];
        Assert.Equal(4, runs.Length);
        for (int i = 0; i < runs.Length; i++)
        {
            AblationRun run = result.Runs[i];
            Assert.Equal(run.Mix, runs[i].GetProperty("mix").GetString());
            Assert.Equal(run.Seed, runs[i].GetProperty("seed").GetInt64());
            Assert.Equal(run.FinalEvaluation.DomainLoss["multilingual"], runs[i].GetProperty("domain_loss").GetProperty("multilingual").GetDouble());
            Assert.Equal((double)run.Training.TokensSeen / run.Training.ParameterCount, runs[i].GetProperty("tokens_per_parameter").GetDouble(), 12);
            Assert.Equal(6, runs[i].GetProperty("train_curve").GetArrayLength());
        }

        XDocument svg = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, AblationReport.PlotFileName), ct));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        XElement[] polylines = [.. svg.Descendants(ns + "polyline")];
        Assert.Equal(8, polylines.Length); // training and validation per run
        Assert.Equal(6, polylines[0].Attribute("points")!.Value.Split(' ').Length);
        Assert.Equal(2, polylines[1].Attribute("points")!.Value.Split(' ').Length);
        foreach (string point in polylines.SelectMany(p => p.Attribute("points")!.Value.Split(' ')))
        {
            double[] xy = [.. point.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
            Assert.InRange(xy[0], 72, 1020 - 320);
            Assert.InRange(xy[1], 40, 540 - 56);
        }

        Assert.Equal(2, polylines.Select(p => p.Attribute("stroke")!.Value).Distinct().Count()); // one colour per mix
        string[] legend = [.. svg.Descendants(ns + "text").Select(t => t.Value)];
        Assert.Contains("general-heavy train", legend);
        Assert.Contains("multilingual-heavy validation", legend);
        Assert.Contains("multilingual-heavy unigram baseline", legend);
    }

    [Fact]
    public async Task RunAsync_MixesWithDifferentValidationBudgets_FailsBeforeMixing()
    {
        string output = Directory.CreateTempSubdirectory("curate-ablate-out-").FullName;
        AblationOptions options = AblationFixtures.Options("/nonexistent-tagged", output, AblationFixtures.Mix(0.8), AblationFixtures.Mix(0.3, validationTokens: 400));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => new AblationRunner(LocalStorage.Instance, NullLoggerFactory.Instance).RunAsync(options, TestContext.Current.CancellationToken));

        Assert.Equal("Mixes", error.ParamName);
        Assert.Contains("'general-heavy' and 'multilingual-heavy'", error.Message, StringComparison.Ordinal);
        Assert.Contains("validation_tokens_per_domain differ", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    private static double Share(AblationRun run, string domain) => run.MixReport.Domains.Single(d => d.Domain == domain).AchievedShare;
}
