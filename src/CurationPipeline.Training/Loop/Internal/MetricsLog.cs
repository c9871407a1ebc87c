using System.Text.Json;

namespace CurationPipeline.Training.Loop.Internal;

/// <summary>Appends one JSON object per step or evaluation to <c>metrics.jsonl</c> (NaN written as null).</summary>
internal sealed class MetricsLog(string path)
{
    public void Write(StepMetrics step) => Append(writer =>
    {
        writer.WriteString("kind", "step");
        writer.WriteNumber("step", step.Step);
        Number(writer, "loss", step.Loss);
        Number(writer, "grad_norm", step.GradientNorm);
        Number(writer, "lr", step.LearningRate);
        Number(writer, "loss_z", step.LossZ);
        Number(writer, "grad_norm_z", step.GradientNormZ);
        writer.WriteNumber("batch_tokens", step.BatchTokens);
        writer.WriteNumber("tokens_seen", step.TokensSeen);
        Number(writer, "tokens_per_second", step.TokensPerSecond);
        Number(writer, "mfu", step.Mfu);
    });

    public void Write(EvaluationResult evaluation) => Append(writer =>
    {
        writer.WriteString("kind", "validation");
        writer.WriteNumber("step", evaluation.Step);
        Number(writer, "loss", evaluation.Loss);
        writer.WriteStartObject("domain_loss");
        foreach (var (domain, loss) in evaluation.DomainLoss)
        {
            Number(writer, domain, loss);
        }

        writer.WriteEndObject();
    });

    private void Append(Action<Utf8JsonWriter> body)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
