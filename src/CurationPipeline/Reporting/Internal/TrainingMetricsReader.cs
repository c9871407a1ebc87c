using System.Text.Json;

namespace CurationPipeline.Reporting.Internal;

/// <summary>Finds the <c>metrics.jsonl</c> files under a training or ablation directory and reads their curves (null values as NaN).</summary>
internal static class TrainingMetricsReader
{
    public const string MetricsFileName = "metrics.jsonl";

    public static IReadOnlyList<TrainingCurves> ReadAll(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Training directory '{directory}' does not exist.");
        }

        return [.. Directory.EnumerateFiles(directory, MetricsFileName, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Read(path, Path.GetRelativePath(directory, Path.GetDirectoryName(path)!)))];
    }

    private static TrainingCurves Read(string path, string name)
    {
        var steps = new List<(long, double, double, double)>();
        var validations = new List<(long, double, IReadOnlyDictionary<string, double>)>();
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using JsonDocument json = JsonDocument.Parse(text);
                JsonElement row = json.RootElement;
                long step = row.GetProperty("step").GetInt64();
                if (row.GetProperty("kind").GetString() == "validation")
                {
                    var domains = new SortedDictionary<string, double>(StringComparer.Ordinal);
                    if (row.TryGetProperty("domain_loss", out JsonElement perDomain))
                    {
                        foreach (JsonProperty domain in perDomain.EnumerateObject())
                        {
                            domains[domain.Name] = Number(domain.Value);
                        }
                    }

                    validations.Add((step, Number(row.GetProperty("loss")), domains));
                }
                else
                {
                    steps.Add((step, Number(row.GetProperty("loss")), Optional(row, "lr"), Optional(row, "tokens_per_second")));
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{line}: not a metrics line ({e.Message}).", e);
            }
        }

        return new TrainingCurves(name == "." ? Path.GetFileName(Path.GetDirectoryName(path)!) : name, steps, validations);
    }

    private static double Optional(JsonElement row, string name) => row.TryGetProperty(name, out JsonElement value) ? Number(value) : double.NaN;

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;
}
