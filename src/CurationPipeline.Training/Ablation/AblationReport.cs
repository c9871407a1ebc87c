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
        await StorageText.WriteAtomicAsync(storage, storage.Combine(directory, MarkdownFileName), FormatMarkdown(result), cancellationToken).ConfigureAwait(false);
        await StorageText.WriteAtomicAsync(storage, storage.Combine(directory, JsonFileName), FormatJson(result), cancellationToken).ConfigureAwait(false);
        await StorageText.WriteAtomicAsync(storage, storage.Combine(directory, PlotFileName), LossCurvePlot.Render(result), cancellationToken).ConfigureAwait(false);
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

    /// <summary>The results as Markdown: the setup; per mix the final validation loss per domain and overall (mean ± standard
    /// deviation over seeds), Δ overall vs the first mix, tokens per parameter and its ratio to Chinchilla's 20; per run the
    /// same losses with the unigram baseline, tokens and throughput; then the achieved mix shares.</summary>
    /// <param name="result">The finished ablation.</param>
    public static string FormatMarkdown(AblationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyList<string> domains = Domains(result);
        IReadOnlyList<MixSummary> summaries = Summarize(result, domains);
        var text = new StringBuilder();
        text.AppendLine("# Mix ablation");
        text.AppendLine();
        text.AppendLine(s_invariant, $"Model preset `{result.Preset}`, seeds {string.Join(", ", result.Seeds)}, {result.Steps:N0} steps × {result.BatchTokens:N0} tokens per run.");
        text.AppendLine(s_invariant, $"Every run is scored on the same validation set: {result.Validation}.");
        text.AppendLine("Losses are nats/token after the last step; ± is the standard deviation over seeds.");
        text.AppendLine();
        text.AppendLine("## Validation loss per mix");
        text.AppendLine();
        Header(text, "| mix | seeds |", "val ", domains, " val overall | Δ overall | tokens/param | × Chinchilla (20) |");
        foreach (MixSummary mix in summaries)
        {
            text.Append(s_invariant, $"| {mix.Mix} | {mix.Runs} |");
            foreach (string domain in domains)
            {
                text.Append(' ').Append(MeanStd(mix.DomainLoss[domain], mix.Runs)).Append(" |");
            }

            string delta = ReferenceEquals(mix, summaries[0]) ? "—" : (mix.Overall.Mean - summaries[0].Overall.Mean).ToString("+0.0000;-0.0000;0.0000", s_invariant);
            text.AppendLine(s_invariant, $" {MeanStd(mix.Overall, mix.Runs)} | {delta} | {mix.TokensPerParameter:F4} | {mix.TokensPerParameter / ChinchillaTokensPerParameter:F4} |");
        }

        text.AppendLine();
        text.AppendLine("## Runs");
        text.AppendLine();
        Header(text, "| mix | seed |", "val ", domains, " val overall | unigram baseline | mix train tokens | tokens seen | parameters | tokens/param | × Chinchilla (20) | tok/s | rollbacks |");
        foreach (AblationRun run in result.Runs)
        {
            text.Append(s_invariant, $"| {run.Mix} | {run.Seed} |");
            foreach (string domain in domains)
            {
                text.Append(run.FinalEvaluation.DomainLoss.TryGetValue(domain, out double loss) ? string.Create(s_invariant, $" {loss:F4} |") : " n/a |");
            }

            text.AppendLine(s_invariant,
                $" {run.FinalEvaluation.Loss:F4} | {run.UnigramLoss:F4} | {run.MixReport.TrainTokens:N0} | {run.Training.TokensSeen:N0} | {run.Training.ParameterCount:N0} | {run.TokensPerParameter:F4} | {run.TokensPerParameter / ChinchillaTokensPerParameter:F4} | {run.Training.TokensPerSecond:F0} | {run.Training.Rollbacks} |");
        }

        text.AppendLine();
        text.AppendLine("## Achieved mix");
        text.AppendLine();
        text.AppendLine("Training-token share per domain (target in parentheses) and the most epochs any domain was repeated.");
        text.AppendLine();
        var mixDomains = new SortedSet<string>(StringComparer.Ordinal);
        foreach (AblationRun run in result.Runs)
        {
            foreach (DomainMixReport domain in run.MixReport.Domains)
            {
                mixDomains.Add(domain.Domain);
            }
        }

        Header(text, "| mix |", "", [.. mixDomains], " epochs (max) |");
        foreach (MixSummary mix in summaries)
        {
            text.Append(s_invariant, $"| {mix.Mix} |");
            double maxEpochs = 0;
            foreach (string name in mixDomains)
            {
                DomainMixReport? domain = Find(mix.Report, name);
                text.Append(domain is null ? " — |" : string.Create(s_invariant, $" {domain.AchievedShare:P1} ({domain.TargetShare:P0}) |"));
                maxEpochs = Math.Max(maxEpochs, domain?.Epochs ?? 0);
            }

            text.AppendLine(s_invariant, $" {maxEpochs:F2} |");
        }

        return text.ToString();

        static void Header(StringBuilder text, string first, string prefix, IReadOnlyList<string> domains, string last)
        {
            text.Append(first);
            foreach (string domain in domains)
            {
                text.Append(s_invariant, $" {prefix}{domain} |");
            }

            text.AppendLine(last);
            int columns = first.Count(c => c == '|') - 1 + domains.Count + last.Count(c => c == '|');
            text.Append('|');
            for (int i = 0; i < columns; i++)
            {
                text.Append("---|");
            }

            text.AppendLine();
        }

        static string MeanStd((double Mean, double Std) value, int runs) => runs > 1
            ? string.Create(s_invariant, $"{value.Mean:F4} ± {value.Std:F4}")
            : value.Mean.ToString("F4", s_invariant);
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
            json.WriteStartArray("seeds");
            foreach (long seed in result.Seeds)
            {
                json.WriteNumberValue(seed);
            }

            json.WriteEndArray();
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
            IReadOnlyList<MixSummary> summaries = Summarize(result, Domains(result));
            double first = summaries[0].Overall.Mean;
            json.WriteStartArray("mixes");
            foreach (MixSummary mix in summaries)
            {
                json.WriteStartObject();
                json.WriteString("mix", mix.Mix);
                json.WriteNumber("runs", mix.Runs);
                Number(json, "validation_loss_mean", mix.Overall.Mean);
                Number(json, "validation_loss_std", mix.Overall.Std);
                Number(json, "delta_vs_first", mix.Overall.Mean - first);
                Number(json, "tokens_per_parameter", mix.TokensPerParameter);
                json.WriteStartObject("domain_loss");
                foreach (var (domain, (mean, std)) in mix.DomainLoss)
                {
                    json.WriteStartObject(domain);
                    Number(json, "mean", mean);
                    Number(json, "std", std);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("runs");
            foreach (AblationRun run in result.Runs)
            {
                WriteRun(json, run);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRun(Utf8JsonWriter json, AblationRun run)
    {
        json.WriteStartObject();
        json.WriteString("mix", run.Mix);
        json.WriteNumber("seed", run.Seed);
        Number(json, "validation_loss", run.FinalEvaluation.Loss);
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

    /// <summary>Per mix (in order): the runs' mean and sample standard deviation (NaN for one run) of the final losses.</summary>
    private static List<MixSummary> Summarize(AblationResult result, IReadOnlyList<string> domains)
    {
        var summaries = new List<MixSummary>();
        foreach (AblationRun run in result.Runs)
        {
            if (summaries.Count == 0 || summaries[^1].Mix != run.Mix)
            {
                var runs = result.Runs.Where(r => r.Mix == run.Mix).ToList();
                var domainLoss = new SortedDictionary<string, (double, double)>(StringComparer.Ordinal);
                foreach (string domain in domains)
                {
                    domainLoss[domain] = MeanStd(runs.Select(r => r.FinalEvaluation.DomainLoss.TryGetValue(domain, out double loss) ? loss : double.NaN));
                }

                summaries.Add(new MixSummary(run.Mix, runs.Count, run.MixReport, domainLoss,
                    MeanStd(runs.Select(r => r.FinalEvaluation.Loss)), run.TokensPerParameter));
            }
        }

        return summaries;

        static (double Mean, double Std) MeanStd(IEnumerable<double> values)
        {
            double[] v = [.. values];
            double mean = v.Average();
            return (mean, v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : double.NaN);
        }
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

    /// <summary>One mix over its seeds.</summary>
    private sealed record MixSummary(string Mix, int Runs, MixReport Report, SortedDictionary<string, (double Mean, double Std)> DomainLoss,
        (double Mean, double Std) Overall, double TokensPerParameter);
}
