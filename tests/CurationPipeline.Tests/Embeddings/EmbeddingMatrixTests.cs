using System.Numerics.Tensors;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Tests.Embeddings;

public sealed class EmbeddingMatrixTests
{
    [Fact]
    public void WriteTo_ReadFrom_RoundTripsIdsAndFloat16Vectors()
    {
        var random = new Random(9);
        var matrix = new EmbeddingMatrix(384);
        for (int i = 0; i < 20_000; i++)
        {
            matrix.Add($"doc-{i}", Unit(random, 384));
        }

        using var stream = new MemoryStream();
        matrix.WriteTo(stream);
        stream.Position = 0;
        EmbeddingMatrix read = EmbeddingMatrix.ReadFrom(stream);

        Assert.Equal(matrix.Count, read.Count);
        float[] a = new float[384], b = new float[384];
        foreach (int row in new[] { 0, 16_383, 16_384, 19_999 })
        {
            Assert.Equal(matrix.Id(row), read.Id(row));
            matrix.CopyTo(row, a);
            read.CopyTo(row, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Add_Float16Storage_MovesCosineByLessThan1e3()
    {
        var random = new Random(4);
        var matrix = new EmbeddingMatrix(384);
        float[][] originals = [.. Enumerable.Range(0, 100).Select(_ => Unit(random, 384))];
        foreach (float[] v in originals)
        {
            matrix.Add("x", v);
        }

        float[] x = new float[384], y = new float[384];
        for (int i = 0; i < originals.Length; i++)
        {
            for (int j = i + 1; j < originals.Length; j++)
            {
                matrix.CopyTo(i, x);
                matrix.CopyTo(j, y);
                Assert.True(Math.Abs(TensorPrimitives.Dot(originals[i], originals[j]) - TensorPrimitives.CosineSimilarity(x, y)) < 1e-3f);
            }
        }
    }

    [Fact]
    public void ReadFrom_Truncated_ThrowsInvalidData()
    {
        var matrix = new EmbeddingMatrix(8);
        matrix.Add("a", Unit(new Random(1), 8));
        using var stream = new MemoryStream();
        matrix.WriteTo(stream);

        using var truncated = new MemoryStream(stream.ToArray()[..^3]);
        Assert.Throws<InvalidDataException>(() => EmbeddingMatrix.ReadFrom(truncated));
    }

    private static float[] Unit(Random random, int dimension)
    {
        var v = new float[dimension];
        for (int i = 0; i < dimension; i++)
        {
            v[i] = (float)(random.NextDouble() * 2 - 1);
        }

        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }
}
