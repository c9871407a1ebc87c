using System.Globalization;
using System.Text;

namespace CurationPipeline.Classifiers.Training;

/// <summary>Writes the Markdown model card that ships beside each classifier file.</summary>
public static class ClassifierModelCard
{
    /// <summary>Formats a model card.</summary>
    /// <param name="result">The training result (model, split sizes, metrics).</param>
    /// <param name="options">The options the model was trained with.</param>
    /// <param name="hyperParameters">The training hyper-parameters in words.</param>
    /// <param name="data">What the labels are and where they come from (Markdown).</param>
    /// <param name="command">The exact command that retrains the model (Markdown, code in backticks).</param>
    /// <param name="limits">Honest limits of the model (Markdown).</param>
    /// <param name="date">The training date (UTC) to print, or <c>null</c> for none (so the same data always gives the same card).</param>
    /// <param name="modelFileName">The model file's name.</param>
    /// <param name="modelBytes">The model file's size.</param>
    /// <param name="spread">Held-out metrics of the same recipe over several splits, if measured.</param>
    /// <param name="holdouts">Leave-one-source-out figures of the same recipe, if measured.</param>
    /// <param name="extraSection">Markdown placed before the limits (e.g. an ensemble's figures), or empty.</param>
    /// <returns>The card text.</returns>
    /// <remarks>The card holds no wall times, and a date only when given, so the same inputs give the same bytes.</remarks>
    public static string Format(ClassifierTrainingResult result, ClassifierTrainingOptions options, string hyperParameters, string data, string command, string limits,
        DateOnly? date, string modelFileName, long modelBytes, SplitSpread? spread = null, IReadOnlyList<SourceHoldout>? holdouts = null, string extraSection = "")
    {
        ITrainedClassifier model = result.Classifier;
        var card = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        card.AppendLine(c, $"# Classifier `{model.Name}`");
        card.AppendLine();
        card.AppendLine(c, $"- **Model**: {model.Description} File: {modelFileName} ({modelBytes:N0} bytes).");
        card.AppendLine(c, $"- **Score**: {ScoreMeaning(model)}; decision threshold **{model.Threshold:G6}** (chosen {(options.Threshold is null ? "on the validation split" : "on out-of-source predictions: every training source scored by the model trained without it")}{(options.Threshold is not null && options.MinPrecision is null ? $" for {OutOfSourceRule(holdouts)}" : options.MinPrecision is { } p ? string.Create(c, $" for the best recall at precision ≥ {p:F2}") : " for the best F1")}).");
        card.AppendLine(c, $"- **Trained**: {(date is { } d ? d.ToString("yyyy-MM-dd", c) + ", " : "")}{result.TrainCount:N0} training examples ({hyperParameters}).");
        card.AppendLine(c, $"- **Retrain**: {command}");
        card.AppendLine();
        card.AppendLine("## Data");
        card.AppendLine();
        card.AppendLine(data);
        card.AppendLine();
        card.AppendLine(c, $"Split: stratified by label (regression: by rounded score), seed {options.SplitSeed}: {options.TestFraction:P0} held-out test, {options.ValidationFraction:P0} validation (threshold only), the rest training.");
        card.AppendLine();
        card.AppendLine("## Metrics (positives: " + (model.Kind == ClassifierKind.Regression ? string.Create(c, $"target ≥ {options.TargetThreshold}") : $"label ≠ `{model.NegativeLabel}`") + ")");
        card.AppendLine();
        card.AppendLine("| split | documents | positives | threshold | precision | recall | F1 |" + (model.Kind == ClassifierKind.Regression ? " RMSE |" : ""));
        card.AppendLine("|---|---:|---:|---:|---:|---:|---:|" + (model.Kind == ClassifierKind.Regression ? "---:|" : ""));
        card.AppendLine(Row("validation", result.Validation));
        card.AppendLine(Row("held-out test", result.Test));
        card.AppendLine();
        if (spread is not null)
        {
            card.AppendLine(spread.Describe() + " The table above is the first of them.");
            card.AppendLine();
        }

        if (holdouts is { Count: > 0 })
        {
            AppendHoldouts(card, holdouts, options);
        }

        card.Append(extraSection);
        card.AppendLine("## Limits");
        card.AppendLine();
        card.AppendLine(limits);
        return card.ToString();
    }

    /// <summary>One line of metrics for a console.</summary>
    /// <param name="split">The split's name.</param>
    /// <param name="m">Its metrics.</param>
    /// <returns>The line.</returns>
    public static string Summary(string split, ClassifierMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"{split}: n={m.Count} positives={m.Positives} threshold={m.Threshold:G4} precision={m.Precision:F3} recall={m.Recall:F3} F1={m.F1:F3}{(m.Rmse is { } r ? $" RMSE={r:F3}" : "")}");

    /// <summary>One line of leave-one-source-out figures for a console.</summary>
    /// <param name="h">The row.</param>
    /// <returns>The line.</returns>
    public static string Summary(SourceHoldout h) => Summary($"without {h.Source}{(h.EvaluationOnly ? " (evaluation only)" : "")}", h.Metrics) +
        string.Create(CultureInfo.InvariantCulture, $" FPR={h.Metrics.FalsePositiveRate:F3}{(h.RankAuc is { } auc ? $" AUC={auc:F3}" : "")}{(h.Spearman is { } r ? $" Spearman={r:F3}" : "")}");

    private static void AppendHoldouts(StringBuilder card, IReadOnlyList<SourceHoldout> holdouts, ClassifierTrainingOptions options)
    {
        card.AppendLine("## Leave one source out");
        card.AppendLine();
        card.AppendLine("Each row trains the same recipe on every other training source (their training split) and tests on the whole left-out source, which neither " +
            (options.ThresholdFromOtherSources
                ? $"training nor the threshold saw: the threshold is {(options.MinPrecision is { } p ? string.Create(CultureInfo.InvariantCulture, $"the best pooled recall at precision ≥ {p:F2}") : OutOfSourceRule(holdouts))} on the other training sources' left-out predictions (each scored by the model trained without it). "
                : "training nor the threshold (chosen on their validation split) saw. ") +
            "Evaluation-only sources are never trained on: their row uses the model trained on every training source" +
            (options.ThresholdFromOtherSources ? " at the shipped threshold." : ".") + " A source with only negatives has no recall (read its false-positive rate), one with only positives no precision (read its recall); " +
            "AUC is threshold-free (— for one class).");
        card.AppendLine();
        card.Append(HoldoutTable(holdouts));
        card.AppendLine();
        if (holdouts.Any(h => h.Ceiling is not null))
        {
            card.AppendLine(CeilingIntroduction);
            card.AppendLine();
            card.Append(CeilingTable([("this model", holdouts)]));
            card.AppendLine();
        }
    }

    /// <summary>The sentence that introduces a <see cref="CeilingTable"/>.</summary>
    public const string CeilingIntroduction = "Ceiling: the same left-out scores with the threshold chosen on the left-out source itself (an oracle, not " +
        "available in use). Where the oracle F1 is far above the F1 at the transferred threshold, the threshold (calibration) is the gap; where the " +
        "oracle is low too, the ranking (AUC) is.";

    /// <summary>
    /// A Markdown table of the oracle-threshold ceilings (<see cref="SourceHoldout.Ceiling"/>) of one or more models on the same sources:
    /// per source and model the AUC, the best F1 (its precision and recall) and the best recall at the precision floor.
    /// </summary>
    /// <param name="models">Per model, a short name and its leave-one-source-out rows (the same sources in the same order).</param>
    /// <returns>The table, each line ending in a line break; sources without a ceiling (one class) are left out.</returns>
    public static string CeilingTable(IReadOnlyList<(string Model, IReadOnlyList<SourceHoldout> Rows)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        CultureInfo c = CultureInfo.InvariantCulture;
        double floor = models.SelectMany(m => m.Rows).Select(h => h.Ceiling?.MinPrecision).FirstOrDefault(p => p is not null) ?? 0;
        var table = new StringBuilder();
        table.AppendLine(c, $"| left-out source | model | AUC | oracle F1 | precision | recall | recall at precision ≥ {floor:0.##} |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i < models[0].Rows.Count; i++)
        {
            foreach ((string model, IReadOnlyList<SourceHoldout> rows) in models)
            {
                if (rows[i] is { Ceiling: { } ceiling } h)
                {
                    ClassifierMetrics best = ceiling.BestF1;
                    table.AppendLine(c, $"| {h.Source} | {model} | {h.RankAuc:F3} | {best.F1:F3} | {best.Precision:F3} | {best.Recall:F3} | {(ceiling.AtPrecision is { } p ? p.Recall.ToString("F3", c) : "—")} |");
                }
            }
        }

        return table.ToString();
    }

    /// <summary>A Markdown table of leave-one-source-out rows (one line per source).</summary>
    /// <param name="holdouts">The rows.</param>
    /// <returns>The table, each line ending in a line break.</returns>
    public static string HoldoutTable(IReadOnlyList<SourceHoldout> holdouts)
    {
        ArgumentNullException.ThrowIfNull(holdouts);
        CultureInfo c = CultureInfo.InvariantCulture;
        var card = new StringBuilder();
        bool spearman = holdouts.Any(h => h.Spearman is not null);
        card.AppendLine("| left-out source | trained on | documents | positives | threshold | precision | recall | F1 | false-positive rate | AUC |" + (spearman ? " Spearman (0–5 score) |" : ""));
        card.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (spearman ? "---:|" : ""));
        foreach (SourceHoldout h in holdouts)
        {
            AppendHoldoutRow(card, $"{h.Source}{(h.EvaluationOnly ? " (evaluation only)" : "")}", h.TrainCount.ToString("N0", c), h.Metrics, h.Metrics.Threshold.ToString("G4", c), h.RankAuc, h.Spearman, spearman);
        }

        // The training sources together, each at its own row's threshold: the one out-of-source F1 when every source holds one class.
        SourceHoldout[] training = [.. holdouts.Where(h => !h.EvaluationOnly)];
        if (training.Length > 1)
        {
            var pooled = new ClassifierMetrics(training.Sum(h => h.Metrics.Count), training.Sum(h => h.Metrics.Positives), double.NaN,
                training.Sum(h => h.Metrics.TruePositives), training.Sum(h => h.Metrics.FalsePositives), null);
            AppendHoldoutRow(card, "training sources pooled (each left out)", "—", pooled, "—", null, null, spearman);
        }

        return card.ToString();
    }

    private static void AppendHoldoutRow(StringBuilder card, string source, string trainCount, ClassifierMetrics m, string threshold, double? auc, double? spearman, bool spearmanColumn)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        bool negativesOnly = m.Positives == 0, positivesOnly = m.Positives == m.Count;
        card.AppendLine(c,
            $"| {source} | {trainCount} | {m.Count:N0} | {m.Positives:N0} | {threshold} | " +
            $"{(negativesOnly || positivesOnly ? "—" : m.Precision.ToString("F3", c))} | {(negativesOnly ? "—" : m.Recall.ToString("F3", c))} | {(negativesOnly || positivesOnly ? "—" : m.F1.ToString("F3", c))} | " +
            $"{(positivesOnly ? "—" : m.FalsePositiveRate.ToString("F3", c))} | {(auc is { } a ? a.ToString("F3", c) : "—")} |" +
            $"{(spearmanColumn ? " " + (spearman is { } r ? r.ToString("F3", c) : "—") + " |" : "")}");
    }

    /// <summary>
    /// How an out-of-source threshold without a precision floor was chosen (<see cref="LeaveOneSourceOut"/>): the best worst-source F1
    /// when a training source holds both classes, else (every source one class, as math's) the best F1 on the pooled left-out predictions.
    /// </summary>
    private static string OutOfSourceRule(IReadOnlyList<SourceHoldout>? holdouts) =>
        holdouts is { Count: > 0 } && !holdouts.Any(h => !h.EvaluationOnly && h.Metrics.Positives > 0 && h.Metrics.Positives < h.Metrics.Count)
            ? "the best pooled F1" : "the best worst-source F1";

    private static string ScoreMeaning(ITrainedClassifier model) => model.Kind switch
    {
        ClassifierKind.Binary => $"P(label = `{model.Labels[1]}`)",
        ClassifierKind.Multiclass => $"1 − P(label = `{model.NegativeLabel}`) over labels {string.Join(", ", model.Labels.Select(l => $"`{l}`"))}",
        _ => "the predicted target value",
    };

    private static string Row(string split, ClassifierMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"| {split} | {m.Count} | {m.Positives} | {m.Threshold:G4} | {m.Precision:F3} | {m.Recall:F3} | {m.F1:F3} |{(m.Rmse is { } r ? $" {r:F3} |" : "")}");
}
