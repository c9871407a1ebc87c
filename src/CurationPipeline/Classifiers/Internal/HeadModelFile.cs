using System.Buffers.Binary;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>
/// The <c>CPHEAD01</c> payload (inside <see cref="ModelFile"/>'s framing): for a head with a hidden layer (header
/// <c>hidden</c> = H &gt; 0) first H float32 hidden biases and H × dimension hidden weights, unit-major; then the output
/// layer's float32 biases and weights, output-major, over the embedding (linear head) or the H hidden units.
/// </summary>
internal static class HeadModelFile
{
    public const string Magic = "CPHEAD01";

    private const int MaxDimension = 1 << 16;

    public static void Write(EmbeddingHead head, Stream stream) => ModelFile.Write(stream, Magic, head.Metadata, body =>
    {
        WriteFloats(body, head.HiddenBias);
        WriteFloats(body, head.HiddenWeights);
        WriteFloats(body, head.Bias);
        WriteFloats(body, head.Weights);
    });

    public static EmbeddingHead Read(Stream stream)
    {
        ModelFileCursor reader = ModelFile.Read(stream, Magic, out ClassifierMetadata m);
        if (m.Dimension is <= 0 or > MaxDimension || m.Hidden is < 0 or > MaxDimension || string.IsNullOrEmpty(m.EmbeddingModel))
        {
            throw new InvalidDataException($"Embedding head '{m.Name}' has dimension {m.Dimension}, {m.Hidden} hidden units and embedding model '{m.EmbeddingModel}'.");
        }

        // Sizes in long: a damaged header must be a clear error, not an overflow or a huge allocation.
        long inputs = m.Hidden > 0 ? m.Hidden : m.Dimension;
        long floats = m.Hidden + ((long)m.Hidden * m.Dimension) + m.Outputs + (m.Outputs * inputs);
        if (floats * 4 != reader.Remaining)
        {
            throw new InvalidDataException($"Embedding head '{m.Name}': {reader.Remaining} payload bytes for {floats} weights of {m.Outputs} outputs, {m.Hidden} hidden units and dimension {m.Dimension}.");
        }

        float[] hiddenBias = ReadFloats(ref reader, m.Hidden);
        float[] hiddenWeights = ReadFloats(ref reader, m.Hidden * m.Dimension);
        float[] bias = ReadFloats(ref reader, m.Outputs);
        float[] weights = ReadFloats(ref reader, m.Outputs * (int)inputs);
        reader.ExpectEnd();
        return new EmbeddingHead(m, weights, bias, hiddenWeights, hiddenBias);
    }

    private static void WriteFloats(Stream body, ReadOnlySpan<float> values)
    {
        Span<byte> number = stackalloc byte[4];
        foreach (float value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(number, value);
            body.Write(number);
        }
    }

    private static float[] ReadFloats(ref ModelFileCursor reader, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }
}
