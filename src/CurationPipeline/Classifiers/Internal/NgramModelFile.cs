using System.Buffers.Binary;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// The <c>CPNGRAM1</c> payload (inside <see cref="ModelFile"/>'s framing): float32 biases, the non-zero buckets as
/// LEB128 gaps, and their float16 weights, bucket-major.
/// </summary>
internal static class NgramModelFile
{
    public const string Magic = "CPNGRAM1";

    public static void Write(NgramClassifier model, Stream stream) => ModelFile.Write(stream, Magic, model.Metadata, body =>
    {
        ClassifierMetadata m = model.Metadata;
        int outputs = m.Outputs;
        ReadOnlySpan<float> weights = model.Weights;
        Span<byte> number = stackalloc byte[4];
        foreach (float b in model.Bias)
        {
            BinaryPrimitives.WriteSingleLittleEndian(number, b);
            body.Write(number);
        }

        var nonZero = new List<int>();
        for (int bucket = 0; bucket < 1 << m.HashBits; bucket++)
        {
            if (weights.Slice(bucket * outputs, outputs).ContainsAnyExcept(0f))
            {
                nonZero.Add(bucket);
            }
        }

        BinaryPrimitives.WriteInt32LittleEndian(number, nonZero.Count);
        body.Write(number);
        int previous = -1;
        foreach (int bucket in nonZero)
        {
            for (uint gap = (uint)(bucket - previous - 1); ; gap >>= 7)
            {
                if (gap < 0x80)
                {
                    body.WriteByte((byte)gap);
                    break;
                }

                body.WriteByte((byte)(gap | 0x80));
            }

            previous = bucket;
        }

        foreach (int bucket in nonZero)
        {
            for (int k = 0; k < outputs; k++)
            {
                BinaryPrimitives.WriteHalfLittleEndian(number, (Half)weights[(bucket * outputs) + k]);
                body.Write(number[..2]);
            }
        }
    });

    public static NgramClassifier Read(Stream stream)
    {
        ModelFileCursor reader = ModelFile.Read(stream, Magic, out ClassifierMetadata m);
        if (m.HashBits is < 10 or > 24 || m.MaxChars <= 0)
        {
            throw new InvalidDataException($"N-gram classifier '{m.Name}' has hash_bits {m.HashBits}, max_chars {m.MaxChars}.");
        }

        if (m.CharNgramMax != 0 && (m.CharNgramMin < 1 || m.CharNgramMin > m.CharNgramMax || m.CharNgramMax > CharNgramHasher.MaxLength || m.CharNgramChars <= 0))
        {
            throw new InvalidDataException($"N-gram classifier '{m.Name}' has char_ngrams [{m.CharNgramMin}, {m.CharNgramMax}], char_ngram_chars {m.CharNgramChars}.");
        }

        int outputs = m.Outputs;
        var bias = new float[outputs];
        for (int k = 0; k < outputs; k++)
        {
            bias[k] = reader.ReadSingle();
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

        reader.ExpectEnd();
        return new NgramClassifier(m, weights, bias);
    }
}
