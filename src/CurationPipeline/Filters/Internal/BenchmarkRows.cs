using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CurationPipeline.Documents;
using CurationPipeline.Inputs;
using CurationPipeline.Storage;

namespace CurationPipeline.Filters.Internal;

/// <summary>Streams the texts of an evaluation set's rows: JSON Lines (optionally gzip) or Parquet (its <c>text</c> column).</summary>
internal static class BenchmarkRows
{
    /// <summary>
    /// Yields one text per row: the string values of <paramref name="fields"/> the row has, in that order, joined by a newline
    /// (rows with none of them yield nothing). Parquet rows yield their <c>text</c> column.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A JSON line is not an object, or the Parquet file cannot be read.</exception>
    public static IEnumerable<string> Read(string path, IReadOnlyList<string> fields)
    {
        if (ParquetDocumentSource.CanRead(path))
        {
            return ReadParquet(path);
        }

        return ReadJsonLines(path, fields);
    }

    private static IEnumerable<string> ReadJsonLines(string path, IReadOnlyList<string> fields)
    {
        using Stream file = File.OpenRead(path);
        using Stream content = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = new StringBuilder();
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            text.Clear();
            using (JsonDocument row = Parse(line, path, lineNumber))
            {
                foreach (string field in fields)
                {
                    if (row.RootElement.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String)
                    {
                        text.Append(text.Length > 0 ? "\n" : "").Append(value.GetString());
                    }
                }
            }

            if (text.Length > 0)
            {
                yield return text.ToString();
            }
        }
    }

    private static JsonDocument Parse(string line, string path, long lineNumber)
    {
        try
        {
            JsonDocument row = JsonDocument.Parse(line);
            if (row.RootElement.ValueKind == JsonValueKind.Object)
            {
                return row;
            }

            row.Dispose();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Evaluation set '{path}' line {lineNumber} is not valid JSON: {ex.Message}", ex);
        }

        throw new InvalidDataException($"Evaluation set '{path}' line {lineNumber} is not a JSON object.");
    }

    /// <remarks>Runs once while the pipeline is built, before any work (filters are built synchronously), so it blocks on the async reader.</remarks>
    private static IEnumerable<string> ReadParquet(string path)
    {
        foreach (SourceItem item in new ParquetDocumentSource().ReadAsync(LocalStorage.Instance, path, CancellationToken.None).ToBlockingEnumerable())
        {
            if (item.Rejection is { } rejection)
            {
                throw new InvalidDataException($"Evaluation set '{path}': {rejection.Reason} {rejection.Detail}");
            }

            yield return item.Document!.Content.ToString();
        }
    }
}
