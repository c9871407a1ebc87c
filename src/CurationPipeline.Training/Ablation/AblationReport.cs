using System.Globalization;
using System.Text;
using System.Text.Json;
using CurationPipeline.Mixing;
using CurationPipeline.Storage;

namespace CurationPipeline.Training.Ablation;

/// <summary>The ablation's outputs: a Markdown and a JSON table of per-domain validation loss per mix (with tokens per parameter
/// against Chinchilla's ≈ 20), and the loss-curve plot (<see cref="LossCurvePlot"/>).</summary>
public static class AblationReport
{
    /// <summary>Chinchilla's compute-optimal training tokens per parameter (Hoffmann et al. 2022), the reference of the table.</summary>
    public const double ChinchillaTokensPerParameter = 20;

    /// <summary>The Markdown table's file name.</summary>
    public const string MarkdownFileName = "results.md";

    /// <summary>The JSON table's file name.</summary>
    public const string JsonFileName = "results.json";

    /// <summary>The SVG plot's file name.</summary>
    public const string PlotFileName = "loss.svg";

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the Markdown table, the JSON table and the plot into <paramref name="directory"/>, each atomically.</summary>
    /// <param name="storage">Where to write.</param>
    /// <param name="directory">The ablation's output directory.</param>
    /// <param name="result">The finished ablation.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    public static async Task WriteAsync(IStorage storage, string directory, AblationResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(result);
        await WriteTextAsync(storage, storage.Combine(directory, MarkdownFileName), FormatMarkdown(result), cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(storage, storage.Combine(directory, JsonFileName), FormatJson(result), cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(storage, storage.Combine(directory, PlotFileName), LossCurvePlot.Render(result), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The validation domains of the table: every domain any run was scored on, in ordinal order.</summary>
    /// <param name="result">The finished ablation.</param>
    public static IReadOnlyList<string> Domains(AblationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var domains = new SortedSet<string>(StringComparer.Ordinal);
        foreach (AblationRun run in result.Runs)
        {
            domains.UnionWith(run.FinalEvaluation.DomainLoss.Keys);
        }

        return [.. domains];
    }

    /// <summary>The results as Markdown: the setup, one row per mix (final validation loss per domain and overall, Δ overall vs
    /// the first mix, unigram baseline, tokens per parameter and its ratio to Chinchilla's 20), then the achieved mix shares.</summary>
    /// <param name="result">The finished ablation.</param>
    public static string FormatMarkdown(AblationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyList<string> domains = Domains(result);
        var text = new StringBuilder();
        text.AppendLine("# Mix ablation");
        text.AppendLine();
        text.AppendLine(s_invariant, $"Model preset `{result.Preset}`, seed {result.Seed}, {result.Steps:N0} steps × {result.BatchTokens:N0} tokens per run. ");
        text.AppendLine(s_invariant, $"Every run is scored on the same validation set: {result.Validation}. Losses are nats/token after the last step.");
        text.AppendLine();
        text.Append("| mix |");
        foreach (string domain in domains)
        {
            text.Append(s_invariant, $" val {domain} |");
        }

        text.AppendLine(" val overall | Δ overall | unigram baseline | mix train tokens | tokens seen | parameters | tokens/param | × Chinchilla (20) |");
        text.Append("|---|");
        for (int i = 0; i < domains.Count; i++)
        {
            text.Append("---|");
        }

        text.AppendLine("---|---|---|---|---|---|---|---|");
        double first = result.Runs[0].FinalEvaluation.Loss;
        foreach (AblationRun run in result.Runs)
        {
            EvaluationSummary(text, run, domains);
            double delta = run.FinalEvaluation.Loss - first;
            text.AppendLine(s_invariant,
                $" {(ReferenceEquals(run, result.Runs[0]) ? "—" : delta.ToString("+0.0000;-0.0000;0.0000", s_invariant))} | {run.UnigramLoss:F4} | {run.MixReport.TrainTokens:N0} | {run.Training.TokensSeen:N0} | {run.Training.ParameterCount:N0} | {run.TokensPerParameter:F4} | {run.TokensPerParameter / ChinchillaTokensPerParameter:F4} |");
        }

        text.AppendLine();
        text.AppendLine("Achieved training-token share per domain (target in parentheses):");
        text.AppendLine();
        var mixDomains = new SortedSet<string>(StringComparer.Ordinal);
        foreach (AblationRun run in result.Runs)
        {
            foreach (DomainMixReport domain in run.MixReport.Domains)
            {
                mixDomains.Add(domain.Domain);
            }
        }

        text.Append("| mix |");
        foreach (string domain in mixDomains)
        {
            text.Append(s_invariant, $" {domain} |");
        }

        text.AppendLine(" epochs (max) |");
        text.Append("|---|");
        for (int i = 0; i <= mixDomains.Count; i++)
        {
            text.Append("---|");
        }

        text.AppendLine();
        foreach (AblationRun run in result.Runs)
        {
            text.Append(s_invariant, $"| {run.Mix} |");
            double maxEpochs = 0;
            foreach (string name in mixDomains)
            {
                DomainMixReport? domain = Find(run.MixReport, name);
                text.Append(domain is null ? " — |" : string.Create(s_invariant, $" {domain.AchievedShare:P1} ({domain.TargetShare:P0}) |"));
                maxEpochs = Math.Max(maxEpochs, domain?.Epochs ?? 0);
            }

            text.AppendLine(s_invariant, $" {maxEpochs:F2} |");
        }

        return text.ToString();

        static void EvaluationSummary(StringBuilder text, AblationRun run, IReadOnlyList<string> domains)
        {
            text.Append(s_invariant, $"| {run.Mix} |");
            foreach (string domain in domains)
            {
                text.Append(run.FinalEvaluation.DomainLoss.TryGetValue(domain, out double loss) ? string.Create(s_invariant, $" {loss:F4} |") : " n/a |");
            }

            text.Append(s_invariant, $" {run.FinalEvaluation.Loss:F4} |");
        }
    }

    /// <summary>The results as indented JSON (snake_case keys; non-finite numbers as <c>null</c>): the setup, the validation set,
    /// and per run the final losses, tokens per parameter, the achieved shares and both loss curves.</summary>
    /// <param name="result">The finished ablation.</param>
    public static string FormatJson(AblationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("preset", result.Preset);
            json.WriteNumber("seed", result.Seed);
            json.WriteNumber("steps", result.Steps);
            json.WriteNumber("batch_tokens", result.BatchTokens);
            json.WriteNumber("chinchilla_tokens_per_parameter", ChinchillaTokensPerParameter);
            json.WriteStartObject("validation");
            json.WriteString("fingerprint", result.Validation.Hash);
            json.WriteStartObject("domain_tokens");
            foreach (var (domain, tokens) in result.Validation.DomainTokens)
            {
                json.WriteNumber(domain, tokens);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("runs");
            double first = result.Runs[0].FinalEvaluation.Loss;
            foreach (AblationRun run in result.Runs)
            {
                WriteRun(json, run, first);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRun(Utf8JsonWriter json, AblationRun run, double firstLoss)
    {
        json.WriteStartObject();
        json.WriteString("mix", run.Mix);
        Number(json, "validation_loss", run.FinalEvaluation.Loss);
        Number(json, "delta_vs_first", run.FinalEvaluation.Loss - firstLoss);
        json.WriteStartObject("domain_loss");
        foreach (var (domain, loss) in run.FinalEvaluation.DomainLoss)
        {
            Number(json, domain, loss);
        }

        json.WriteEndObject();
        Number(json, "unigram_loss", run.UnigramLoss);
        json.WriteNumber("mix_train_tokens", run.MixReport.TrainTokens);
        json.WriteNumber("tokens_seen", run.Training.TokensSeen);
        json.WriteNumber("parameters", run.Training.ParameterCount);
        Number(json, "tokens_per_parameter", run.TokensPerParameter);
        Number(json, "chinchilla_ratio", run.TokensPerParameter / ChinchillaTokensPerParameter);
        Number(json, "tokens_per_second", run.Training.TokensPerSecond);
        Number(json, "mfu", run.Training.Mfu);
        json.WriteNumber("rollbacks", run.Training.Rollbacks);
        json.WriteNumber("skipped_updates", run.Training.SkippedUpdates);
        json.WriteString("run_directory", run.RunDirectory);
        json.WriteStartObject("mix_shares");
        foreach (DomainMixReport domain in run.MixReport.Domains)
        {
            json.WriteStartObject(domain.Domain);
            Number(json, "target", domain.TargetShare);
            Number(json, "achieved", domain.AchievedShare);
            Number(json, "epochs", domain.Epochs);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("data_counters");
        foreach (var (key, count) in run.DataCounters)
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
        json.WriteStartArray("train_curve");
        foreach (var step in run.Training.Steps)
        {
            json.WriteStartObject();
            json.WriteNumber("step", step.Step);
            json.WriteNumber("tokens_seen", step.TokensSeen);
            Number(json, "loss", step.Loss);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("validation_curve");
        foreach (var evaluation in run.Training.Evaluations)
        {
            json.WriteStartObject();
            json.WriteNumber("step", evaluation.Step);
            Number(json, "loss", evaluation.Loss);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static DomainMixReport? Find(MixReport report, string domain)
    {
        foreach (DomainMixReport d in report.Domains)
        {
            if (d.Domain == domain)
            {
                return d;
            }
        }

        return null;
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static async Task WriteTextAsync(IStorage storage, string path, string text, CancellationToken cancellationToken)
    {
        await using AtomicWrite write = storage.CreateAtomic(path);
        await write.Stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
