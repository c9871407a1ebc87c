using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace CurationPipeline.Classifiers.Training;

/// <summary>Reads and writes label files: JSON Lines of <c>{"text", "label"}</c> (string or number) or <c>{"text", "score"}</c>.</summary>
public static class LabelFile
{
    /// <summary>Reads a label file; unusable lines are counted by reason, never thrown.</summary>
    /// <param name="path">The JSON Lines file.</param>
    /// <returns>The examples and the rejected-line counts.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static LabelFileContent Read(string path)
    {
        var examples = new List<LabeledText>();
        var rejected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        bool? scored = null;
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? reason = TryParse(line, out LabeledText? example);
            if (reason is null && scored is { } s && s != (example!.Label is null))
            {
                reason = ClassifierReasons.MixedTargets;
            }

            if (reason is not null)
            {
                rejected[reason] = rejected.GetValueOrDefault(reason) + 1;
                continue;
            }

            scored ??= example!.Label is null;
            examples.Add(example!);
        }

        return new LabelFileContent(examples, rejected.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>Writes examples as a label file (scores when <see cref="LabeledText.Label"/> is null).</summary>
    /// <param name="path">The destination; its folder is created.</param>
    /// <param name="examples">The examples.</param>
    public static void Write(string path, IEnumerable<LabeledText> examples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        foreach (LabeledText example in examples)
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteString("text", example.Text);
                if (example.Label is null)
                {
                    json.WriteNumber("score", example.Value);
                }
                else
                {
                    json.WriteString("label", example.Label);
                }

                json.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }

    private static string? TryParse(string line, out LabeledText? example)
    {
        example = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return ClassifierReasons.MalformedLine;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ClassifierReasons.MalformedLine;
            }

            if (!root.TryGetProperty("text", out JsonElement text) || text.ValueKind != JsonValueKind.String || text.GetString()!.Length == 0)
            {
                return ClassifierReasons.MissingText;
            }

            if (root.TryGetProperty("label", out JsonElement label) && label.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                string value = label.ValueKind == JsonValueKind.String ? label.GetString()! : label.GetRawText();
                example = new LabeledText(text.GetString()!, value);
                return null;
            }

            if (root.TryGetProperty("score", out JsonElement score) && score.ValueKind == JsonValueKind.Number)
            {
                example = new LabeledText(text.GetString()!, null, score.GetDouble());
                return null;
            }

            return ClassifierReasons.MissingTarget;
        }
    }
}
