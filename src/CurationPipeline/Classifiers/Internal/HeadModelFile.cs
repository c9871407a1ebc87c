using System.Buffers.Binary;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>The <c>CPHEAD01</c> payload (inside <see cref="ModelFile"/>'s framing): float32 biases, then float32 weights, output-major.</summary>
internal static class HeadModelFile
{
    public const string Magic = "CPHEAD01";

    private const int MaxDimension = 1 << 16;

    public static void Write(EmbeddingHead head, Stream stream) => ModelFile.Write(stream, Magic, head.Metadata, body =>
    {
        Span<byte> number = stackalloc byte[4];
        foreach (float value in head.Bias)
        {
            BinaryPrimitives.WriteSingleLittleEndian(number, value);
            body.Write(number);
        }

        foreach (float value in head.Weights)
        {
            BinaryPrimitives.WriteSingleLittleEndian(number, value);
            body.Write(number);
        }
    });

    public static EmbeddingHead Read(Stream stream)
    {
        ModelFileCursor reader = ModelFile.Read(stream, Magic, out ClassifierMetadata m);
        if (m.Dimension is <= 0 or > MaxDimension || string.IsNullOrEmpty(m.EmbeddingModel))
        {
            throw new InvalidDataException($"Embedding head '{m.Name}' has dimension {m.Dimension} and embedding model '{m.EmbeddingModel}'.");
        }

        var bias = new float[m.Outputs];
        for (int k = 0; k < bias.Length; k++)
        {
            bias[k] = reader.ReadSingle();
        }

        var weights = new float[m.Outputs * m.Dimension];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = reader.ReadSingle();
        }

        reader.ExpectEnd();
        return new EmbeddingHead(m, weights, bias);
    }
}
