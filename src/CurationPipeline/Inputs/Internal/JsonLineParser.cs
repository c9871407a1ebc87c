using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CurationPipeline.Documents;

namespace CurationPipeline.Inputs.Internal;

/// <summary>Parses one JSON Lines line into a document or a rejection with <see cref="Utf8JsonReader"/>, without building a DOM.</summary>
internal static class JsonLineParser
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 };

    /// <summary>Returns <c>null</c> for a blank line (not a record), otherwise exactly one item.</summary>
    public static SourceItem? Parse(ReadOnlySequence<byte> line, string path, long lineIndex)
    {
        if (IsBlank(line))
        {
            return null;
        }

        string? id = null;
        string? url = null;
        string? text = null;
        DateTimeOffset? date = null;
        bool invalidId = false;
        try
        {
            var reader = new Utf8JsonReader(line, s_options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Malformed(path, lineIndex, $"line {lineIndex + 1} is a JSON {reader.TokenType}, not an object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = ReadId(ref reader, out invalidId);
                }
                else if (reader.ValueTextEquals("url"u8))
                {
                    reader.Read();
                    url = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("date"u8))
                {
                    reader.Read();
                    date = reader.TokenType == JsonTokenType.String
                           && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                        ? parsed
                        : null;
                }

                reader.Skip(); // moves past a nested value; no-op on a scalar
            }

            if (reader.Read())
            {
                return Malformed(path, lineIndex, $"line {lineIndex + 1} has data after the object");
            }
        }
        catch (JsonException ex)
        {
            return Malformed(path, lineIndex, $"line {lineIndex + 1}: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reports invalid UTF-8 inside a string when the string is decoded.
            return Malformed(path, lineIndex, $"line {lineIndex + 1}: {ex.Message}");
        }

        if (invalidId)
        {
            return InputRecord.Reject(null, url, InputReasons.InvalidId, isError: true, $"line {lineIndex + 1}: 'id' is not a string or number");
        }

        return InputRecord.ToItem(id, url, text, date, path, lineIndex);
    }

    private static string? ReadId(ref Utf8JsonReader reader, out bool invalid)
    {
        invalid = false;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                // Keep the number's exact spelling: ids such as 12345678901234567890 do not survive a double.
                return reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.Null:
                return null;
            default:
                invalid = true;
                return null;
        }
    }

    private static SourceItem Malformed(string path, long lineIndex, string detail) =>
        InputRecord.Reject(InputRecord.DerivedId(path, lineIndex), null, InputReasons.JsonLinesMalformed, isError: true, detail);

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (ReadOnlyMemory<byte> segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
