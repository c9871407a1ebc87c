using System.Buffers;
using System.Numerics.Tensors;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Dedup.Semantic.Internal;

/// <summary>
/// Seeded spherical k-means on unit vectors: centroids are normalized means and points go to the centroid of highest cosine.
/// Trains on a seeded sample (at most <see cref="SemanticDedupOptions.SamplePointsPerCluster"/> per cluster, as faiss does), then assigns every row.
/// </summary>
internal static class SphericalKMeans
{
    private const int AssignChunkRows = 512;
    private const double ConvergedFraction = 0.001;

    /// <summary>Trains <paramref name="k"/> centroids (row-major <c>k × d</c>) and returns them with the iterations run.</summary>
    public static (float[] Centroids, int Iterations) Train(EmbeddingMatrix matrix, int k, SemanticDedupOptions options, ParallelOptions parallel)
    {
        int d = matrix.Dimension;
        var random = new Random(options.Seed);
        long wanted = Math.Min((long)k * options.SamplePointsPerCluster, Array.MaxLength / d);
        int[] sampleRows = Sample(matrix.Count, (int)Math.Min(matrix.Count, wanted), random);
        int n = sampleRows.Length;
        float[] points = new float[n * d];
        for (int i = 0; i < n; i++)
        {
            matrix.CopyTo(sampleRows[i], points.AsSpan(i * d, d));
        }

        // Initial centroids: k distinct sample points chosen at random (seeded).
        float[] centroids = new float[k * d];
        int[] order = Sample(n, k, random);
        for (int c = 0; c < k; c++)
        {
            points.AsSpan(order[c] * d, d).CopyTo(centroids.AsSpan(c * d, d));
        }

        int[] assignment = new int[n];
        assignment.AsSpan().Fill(-1);
        float[] scratch = new float[n];
        int iterations = 0;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            long changed = AssignRows(points, n, d, centroids, k, assignment, scratch, parallel);
            Recompute(points, n, d, assignment, centroids, k, random);
            if (changed <= ConvergedFraction * n)
            {
                break;
            }
        }

        return (centroids, iterations);
    }

    /// <summary>Assigns every row of <paramref name="matrix"/> to its nearest centroid; <paramref name="similarity"/> gets the cosine to it.</summary>
    public static void AssignAll(EmbeddingMatrix matrix, float[] centroids, int k, int[] assignment, float[] similarity, ParallelOptions parallel)
    {
        int d = matrix.Dimension;
        int chunks = (matrix.Count + AssignChunkRows - 1) / AssignChunkRows;
        Parallel.For(0, chunks, parallel, () => (Rows: new float[AssignChunkRows * d], Scores: new float[k]), (chunk, _, buffers) =>
        {
            int start = chunk * AssignChunkRows;
            int end = Math.Min(matrix.Count, start + AssignChunkRows);
            for (int row = start; row < end; row++)
            {
                Span<float> vector = buffers.Rows.AsSpan((row - start) * d, d);
                matrix.CopyTo(row, vector);
                Similarity.DotRows(vector, centroids, buffers.Scores);
                int best = TensorPrimitives.IndexOfMax(buffers.Scores);
                assignment[row] = best;
                similarity[row] = buffers.Scores[best];
            }

            return buffers;
        }, static _ => { });
    }

    /// <summary>Assigns the sample points; returns how many changed cluster.</summary>
    private static long AssignRows(float[] points, int n, int d, float[] centroids, int k, int[] assignment, float[] similarity, ParallelOptions parallel)
    {
        long changed = 0;
        int chunks = (n + AssignChunkRows - 1) / AssignChunkRows;
        Parallel.For(0, chunks, parallel, () => new float[k], (chunk, _, scores) =>
        {
            int start = chunk * AssignChunkRows;
            int end = Math.Min(n, start + AssignChunkRows);
            long local = 0;
            for (int i = start; i < end; i++)
            {
                Similarity.DotRows(points.AsSpan(i * d, d), centroids, scores);
                int best = TensorPrimitives.IndexOfMax(scores);
                if (assignment[i] != best)
                {
                    assignment[i] = best;
                    local++;
                }

                similarity[i] = scores[best];
            }

            Interlocked.Add(ref changed, local);
            return scores;
        }, static _ => { });
        return changed;
    }

    /// <summary>Centroid = normalized sum of its points; an empty cluster restarts at a random sample point.</summary>
    private static void Recompute(float[] points, int n, int d, int[] assignment, float[] centroids, int k, Random random)
    {
        Array.Clear(centroids);
        int[] counts = ArrayPool<int>.Shared.Rent(k);
        try
        {
            Array.Clear(counts, 0, k);
            for (int i = 0; i < n; i++)
            {
                int c = assignment[i];
                counts[c]++;
                Span<float> centroid = centroids.AsSpan(c * d, d);
                TensorPrimitives.Add(centroid, points.AsSpan(i * d, d), centroid);
            }

            for (int c = 0; c < k; c++)
            {
                Span<float> centroid = centroids.AsSpan(c * d, d);
                if (counts[c] == 0)
                {
                    points.AsSpan(random.Next(n) * d, d).CopyTo(centroid);
                    continue;
                }

                float norm = TensorPrimitives.Norm(centroid);
                if (norm > 0f)
                {
                    TensorPrimitives.Multiply(centroid, 1f / norm, centroid);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>A seeded sample of <paramref name="count"/> distinct values in <c>[0, population)</c>, sorted when it is a strict subset.</summary>
    private static int[] Sample(int population, int count, Random random)
    {
        int[] all = new int[population];
        for (int i = 0; i < population; i++)
        {
            all[i] = i;
        }

        // Partial Fisher–Yates: the first count slots become a uniform sample.
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, population);
            (all[i], all[j]) = (all[j], all[i]);
        }

        int[] sample = all[..count];
        if (count < population)
        {
            Array.Sort(sample);
        }

        return sample;
    }
}
