using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// The framing every classifier file shares: an 8-byte ASCII magic, an int32-length-prefixed UTF-8 JSON header
/// (<see cref="ClassifierMetadata"/>), the format's payload, and an XxHash64 of every byte before it (little-endian).
/// </summary>
internal static class ModelFile
{
    private const int MaxHeaderBytes = 1 << 20;

    public static void Write(Stream stream, string magic, ClassifierMetadata metadata, Action<Stream> writePayload)
    {
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes(magic));
        byte[] header = WriteHeader(metadata);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(number, header.Length);
        body.Write(number[..4]);
        body.Write(header);
        writePayload(body);
        BinaryPrimitives.WriteUInt64LittleEndian(number, XxHash64.HashToUInt64(body.GetBuffer().AsSpan(0, (int)body.Length)));
        body.Write(number);
        stream.Write(body.GetBuffer(), 0, (int)body.Length);
    }

    /// <summary>Writes through <paramref name="save"/> to a temporary name in the destination folder, then renames it.</summary>
    public static void SaveAtomically(string path, Action<Stream> save)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, ".tmp-" + Path.GetFileName(full));
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            save(stream);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Checks magic and checksum, parses the header, and returns a cursor at the payload.</summary>
    public static ModelFileCursor Read(Stream stream, string magic, out ClassifierMetadata metadata)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] all = buffer.GetBuffer();
        int length = (int)buffer.Length;
        if (length < magic.Length + 12 || !all.AsSpan(0, magic.Length).SequenceEqual(Encoding.ASCII.GetBytes(magic)))
        {
            throw new InvalidDataException($"Not a {magic} classifier file (bad magic or too short).");
        }

        if (XxHash64.HashToUInt64(all.AsSpan(0, length - 8)) != BinaryPrimitives.ReadUInt64LittleEndian(all.AsSpan(length - 8, 8)))
        {
            throw new InvalidDataException("Classifier file checksum mismatch: the file is damaged.");
        }

        var cursor = new ModelFileCursor(all, magic.Length, length - 8);
        int headerLength = cursor.ReadInt32();
        if (headerLength <= 0 || headerLength > MaxHeaderBytes)
        {
            throw new InvalidDataException($"Classifier header length {headerLength} is out of range.");
        }

        metadata = ReadHeader(cursor.ReadBytes(headerLength));
        return cursor;
    }

    private static byte[] WriteHeader(ClassifierMetadata m)
    {
        var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteNumber("format_version", 1);
            json.WriteString("name", m.Name);
            json.WriteString("kind", m.Kind.ToString().ToLowerInvariant());
            json.WriteStartArray("labels");
            foreach (string label in m.Labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            if (m.NegativeLabel is not null)
            {
                json.WriteString("negative_label", m.NegativeLabel);
            }

            json.WriteNumber("threshold", m.Threshold);
            if (m.Dimension > 0)
            {
                json.WriteNumber("dimension", m.Dimension);
                json.WriteString("embedding_model", m.EmbeddingModel);
                if (m.Hidden > 0)
                {
                    json.WriteNumber("hidden", m.Hidden);
                }
            }
            else
            {
                json.WriteNumber("hash_bits", m.HashBits);
                json.WriteNumber("max_chars", m.MaxChars);
                if (m.CodeLines)
                {
                    json.WriteBoolean("code_lines", true);
                }

                if (m.Arithmetic)
                {
                    json.WriteBoolean("arithmetic", true);
                }

                if (m.CharNgramMax > 0)
                {
                    json.WriteStartArray("char_ngrams");
                    json.WriteNumberValue(m.CharNgramMin);
                    json.WriteNumberValue(m.CharNgramMax);
                    json.WriteEndArray();
                    json.WriteNumber("char_ngram_chars", m.CharNgramChars);
                    json.WriteString("features", "xxhash64 word unigrams+bigrams, lower-case, digits->0, symbols as tokens, mean-pooled; plus char n-grams of the lower-cased, space-collapsed text, mean-pooled apart");
                }
                else
                {
                    json.WriteString("features", "xxhash64 word unigrams+bigrams, lower-case, digits->0, symbols as tokens, mean-pooled");
                }
            }

            json.WriteEndObject();
        }

        return output.ToArray();
    }

    private static ClassifierMetadata ReadHeader(ReadOnlySpan<byte> header)
    {
        try
        {
            var reader = new Utf8JsonReader(header);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            JsonElement root = document.RootElement;
            if (root.GetProperty("format_version").GetInt32() != 1)
            {
                throw new InvalidDataException("Classifier format_version is not 1.");
            }

            ClassifierKind kind = root.GetProperty("kind").GetString() switch
            {
                "binary" => ClassifierKind.Binary,
                "multiclass" => ClassifierKind.Multiclass,
                "regression" => ClassifierKind.Regression,
                var other => throw new InvalidDataException($"Classifier kind '{other}' is unknown."),
            };
            int[] charNgrams = root.TryGetProperty("char_ngrams", out JsonElement grams) ? [.. grams.EnumerateArray().Select(e => e.GetInt32())] : [0, 0];
            if (charNgrams.Length != 2)
            {
                throw new InvalidDataException("Classifier char_ngrams is not [min, max].");
            }

            var metadata = new ClassifierMetadata
            {
                Name = root.GetProperty("name").GetString() ?? "",
                Kind = kind,
                Labels = [.. root.GetProperty("labels").EnumerateArray().Select(e => e.GetString() ?? "")],
                NegativeLabel = root.TryGetProperty("negative_label", out JsonElement n) ? n.GetString() : null,
                Threshold = root.GetProperty("threshold").GetDouble(),
                HashBits = root.TryGetProperty("hash_bits", out JsonElement bits) ? bits.GetInt32() : 0,
                MaxChars = root.TryGetProperty("max_chars", out JsonElement chars) ? chars.GetInt32() : 0,
                CharNgramMin = charNgrams[0],
                CharNgramMax = charNgrams[1],
                CharNgramChars = root.TryGetProperty("char_ngram_chars", out JsonElement charChars) ? charChars.GetInt32() : 0,
                CodeLines = root.TryGetProperty("code_lines", out JsonElement codeLines) && codeLines.GetBoolean(),
                Arithmetic = root.TryGetProperty("arithmetic", out JsonElement arithmetic) && arithmetic.GetBoolean(),
                Dimension = root.TryGetProperty("dimension", out JsonElement dimension) ? dimension.GetInt32() : 0,
                EmbeddingModel = root.TryGetProperty("embedding_model", out JsonElement model) ? model.GetString() : null,
                Hidden = root.TryGetProperty("hidden", out JsonElement hidden) ? hidden.GetInt32() : 0,
            };
            CheckLabels(metadata);
            return metadata;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException("Classifier header is not valid: " + e.Message, e);
        }
    }

    private static void CheckLabels(ClassifierMetadata m)
    {
        bool ok = m.Kind switch
        {
            ClassifierKind.Binary => m.Labels.Length == 2 && m.NegativeLabel == m.Labels[0],
            ClassifierKind.Multiclass => m.Labels.Length >= 3 && m.NegativeLabel is not null && m.Labels.Contains(m.NegativeLabel),
            _ => m.Labels.IsEmpty,
        };
        if (!ok || m.Name.Length == 0)
        {
            throw new InvalidDataException($"Classifier header is inconsistent (name '{m.Name}', kind {m.Kind}, {m.Labels.Length} labels).");
        }
    }
}
