using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// Reads and writes the <c>CPNGRAM1</c> model format: magic, a length-prefixed UTF-8 JSON header, float32 biases,
/// the non-zero buckets as LEB128 gaps, their float16 weights (bucket-major), and an XxHash64 of everything before it.
/// </summary>
internal static class NgramModelFile
{
    public const string Magic = "CPNGRAM1";

    private const int MaxHeaderBytes = 1 << 20;

    public static void Write(NgramClassifier model, Stream stream)
    {
        ClassifierMetadata m = model.Metadata;
        int outputs = m.Outputs;
        ReadOnlySpan<float> weights = model.Weights;
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes(Magic));
        byte[] header = WriteHeader(m);
        WriteInt32(body, header.Length);
        body.Write(header);
        Span<byte> f = stackalloc byte[4];
        foreach (float b in model.Bias)
        {
            BinaryPrimitives.WriteSingleLittleEndian(f, b);
            body.Write(f);
        }

        int buckets = 1 << m.HashBits;
        var nonZero = new List<int>();
        for (int bucket = 0; bucket < buckets; bucket++)
        {
            for (int k = 0; k < outputs; k++)
            {
                if (weights[(bucket * outputs) + k] != 0)
                {
                    nonZero.Add(bucket);
                    break;
                }
            }
        }

        WriteInt32(body, nonZero.Count);
        int previous = -1;
        foreach (int bucket in nonZero)
        {
            WriteVarint(body, (uint)(bucket - previous - 1));
            previous = bucket;
        }

        Span<byte> half = stackalloc byte[2];
        foreach (int bucket in nonZero)
        {
            for (int k = 0; k < outputs; k++)
            {
                BinaryPrimitives.WriteHalfLittleEndian(half, (Half)weights[(bucket * outputs) + k]);
                body.Write(half);
            }
        }

        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, XxHash64.HashToUInt64(body.GetBuffer().AsSpan(0, (int)body.Length)));
        body.Write(checksum);
        stream.Write(body.GetBuffer(), 0, (int)body.Length);
    }

    public static NgramClassifier Read(Stream stream)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        ReadOnlySpan<byte> all = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (all.Length < Magic.Length + 12 || !all[..Magic.Length].SequenceEqual(Encoding.ASCII.GetBytes(Magic)))
        {
            throw new InvalidDataException($"Not a {Magic} n-gram classifier (bad magic or too short).");
        }

        ReadOnlySpan<byte> content = all[..^8];
        if (XxHash64.HashToUInt64(content) != BinaryPrimitives.ReadUInt64LittleEndian(all[^8..]))
        {
            throw new InvalidDataException("N-gram classifier checksum mismatch: the file is damaged.");
        }

        var reader = new SpanCursor(content, Magic.Length);
        int headerLength = reader.ReadInt32();
        if (headerLength <= 0 || headerLength > MaxHeaderBytes)
        {
            throw new InvalidDataException($"N-gram classifier header length {headerLength} is out of range.");
        }

        ClassifierMetadata m = ReadHeader(reader.ReadBytes(headerLength));
        int outputs = m.Outputs;
        var bias = new float[outputs];
        for (int k = 0; k < outputs; k++)
        {
            bias[k] = BinaryPrimitives.ReadSingleLittleEndian(reader.ReadBytes(4));
        }

        int buckets = 1 << m.HashBits;
        int count = reader.ReadInt32();
        if (count < 0 || count > buckets)
        {
            throw new InvalidDataException($"N-gram classifier lists {count} buckets of {buckets}.");
        }

        var indexes = new int[count];
        long previous = -1;
        for (int i = 0; i < count; i++)
        {
            previous += reader.ReadVarint() + 1L;
            if (previous >= buckets)
            {
                throw new InvalidDataException($"N-gram classifier bucket {previous} is outside 2^{m.HashBits}.");
            }

            indexes[i] = (int)previous;
        }

        var weights = new float[buckets * outputs];
        foreach (int bucket in indexes)
        {
            for (int k = 0; k < outputs; k++)
            {
                weights[(bucket * outputs) + k] = (float)BinaryPrimitives.ReadHalfLittleEndian(reader.ReadBytes(2));
            }
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("N-gram classifier has trailing bytes before its checksum.");
        }

        return new NgramClassifier(m, weights, bias);
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
            json.WriteNumber("hash_bits", m.HashBits);
            json.WriteNumber("max_chars", m.MaxChars);
            json.WriteString("features", "xxhash64 word unigrams+bigrams, lower-case, digits->0, symbols as tokens, mean-pooled");
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
                throw new InvalidDataException("N-gram classifier format_version is not 1.");
            }

            ClassifierKind kind = root.GetProperty("kind").GetString() switch
            {
                "binary" => ClassifierKind.Binary,
                "multiclass" => ClassifierKind.Multiclass,
                "regression" => ClassifierKind.Regression,
                var other => throw new InvalidDataException($"N-gram classifier kind '{other}' is unknown."),
            };
            ImmutableArray<string> labels = [.. root.GetProperty("labels").EnumerateArray().Select(e => e.GetString() ?? "")];
            string? negative = root.TryGetProperty("negative_label", out JsonElement n) ? n.GetString() : null;
            var metadata = new ClassifierMetadata
            {
                Name = root.GetProperty("name").GetString() ?? "",
                Kind = kind,
                Labels = labels,
                NegativeLabel = negative,
                Threshold = root.GetProperty("threshold").GetDouble(),
                HashBits = root.GetProperty("hash_bits").GetInt32(),
                MaxChars = root.GetProperty("max_chars").GetInt32(),
            };
            Check(metadata);
            return metadata;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException("N-gram classifier header is not valid: " + e.Message, e);
        }
    }

    private static void Check(ClassifierMetadata m)
    {
        bool labelsOk = m.Kind switch
        {
            ClassifierKind.Binary => m.Labels.Length == 2 && m.NegativeLabel == m.Labels[0],
            ClassifierKind.Multiclass => m.Labels.Length >= 3 && m.NegativeLabel is not null && m.Labels.Contains(m.NegativeLabel),
            _ => m.Labels.IsEmpty,
        };
        if (!labelsOk || m.Name.Length == 0 || m.HashBits is < 10 or > 24 || m.MaxChars <= 0)
        {
            throw new InvalidDataException($"N-gram classifier header is inconsistent (name '{m.Name}', kind {m.Kind}, {m.Labels.Length} labels, hash_bits {m.HashBits}, max_chars {m.MaxChars}).");
        }
    }

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        stream.Write(b);
    }

    private static void WriteVarint(Stream stream, uint value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    /// <summary>A bounds-checked reader over the file bytes; running off the end is <see cref="InvalidDataException"/>.</summary>
    private ref struct SpanCursor(ReadOnlySpan<byte> bytes, int position)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position = position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public ReadOnlySpan<byte> ReadBytes(int count)
        {
            if (count > _bytes.Length - _position)
            {
                throw new InvalidDataException("N-gram classifier file is truncated.");
            }

            ReadOnlySpan<byte> slice = _bytes.Slice(_position, count);
            _position += count;
            return slice;
        }

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

        public uint ReadVarint()
        {
            uint value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                byte b = ReadBytes(1)[0];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("N-gram classifier has an over-long varint.");
        }
    }
}
