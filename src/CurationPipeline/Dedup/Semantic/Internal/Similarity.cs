using System.Numerics.Tensors;

namespace CurationPipeline.Dedup.Semantic.Internal;

/// <summary>Dot products of one vector against a block of row-major vectors (cosine, since all vectors are unit length).</summary>
internal static class Similarity
{
    /// <summary>Writes <c>dot(query, rows[i])</c> into <paramref name="destination"/>[i] for each of the <paramref name="destination"/>.Length rows.</summary>
    public static void DotRows(ReadOnlySpan<float> query, ReadOnlySpan<float> rows, Span<float> destination)
    {
        int dimension = query.Length;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = TensorPrimitives.Dot(query, rows.Slice(i * dimension, dimension));
        }
    }
}
