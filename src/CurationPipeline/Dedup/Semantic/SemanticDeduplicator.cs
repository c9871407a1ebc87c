using System.Collections.Immutable;
using System.Diagnostics;
using CurationPipeline.Dedup.Semantic.Internal;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Dedup.Semantic;

/// <summary>
/// SemDeDup over stored embeddings: seeded spherical k-means, then per cluster the pairwise cosine in bounded batches; a document
/// is dropped when it is within <c>1 − eps</c> of a higher-ranked (hard rule) or kept (quality rule) member of its cluster.
/// </summary>
/// <remarks>
/// Several thresholds are evaluated in the same pass (<see cref="SemanticDedupOptions.ReportEpsilons"/>), so a threshold can be
/// chosen after the expensive work. Deterministic for a given seed and input order. Stateless apart from its options; thread-safe.
/// </remarks>
public sealed class SemanticDeduplicator
{
    private const int MaxAutoClusters = 50_000;

    private readonly SemanticDedupOptions _options;

    /// <summary>Creates a deduplicator.</summary>
    /// <param name="options">Configuration; validated here.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SemanticDeduplicator(SemanticDedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The cluster count used for <paramref name="documents"/> rows: the configured one, or √N capped at 50,000, never above N.</summary>
    /// <param name="documents">Rows to cluster.</param>
    /// <returns>At least 1.</returns>
    public int ClusterCountFor(int documents)
    {
        int k = _options.ClusterCount > 0 ? _options.ClusterCount : Math.Min(MaxAutoClusters, (int)Math.Round(Math.Sqrt(documents)));
        return Math.Clamp(k, 1, Math.Max(1, documents));
    }

    /// <summary>Clusters <paramref name="embeddings"/> and finds near duplicates.</summary>
    /// <param name="embeddings">L2-normalized embeddings with their document ids.</param>
    /// <param name="qualityScores">One score per row (higher is better); required by <see cref="SemanticKeepRule.Quality"/>, ignored otherwise.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The drop list at <see cref="SemanticDedupOptions.Epsilon"/> and the statistics.</returns>
    /// <exception cref="ArgumentException">The quality rule is configured and the scores are missing or of the wrong length.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public SemanticDedupResult Run(EmbeddingMatrix embeddings, IReadOnlyList<float>? qualityScores = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (_options.KeepRule == SemanticKeepRule.Quality && (qualityScores is null || qualityScores.Count != embeddings.Count))
        {
            throw new ArgumentException(
                $"The quality keep rule needs one score per row ({embeddings.Count}), got {qualityScores?.Count.ToString() ?? "none"}.", nameof(qualityScores));
        }

        double[] epsilons = [.. _options.ReportEpsilons.Append(_options.Epsilon).Distinct().Order()];
        int chosen = Array.IndexOf(epsilons, _options.Epsilon);
        int n = embeddings.Count;
        if (n == 0)
        {
            return new SemanticDedupResult([], Stats(0, 0, 0, 0, 0, epsilons, new long[epsilons.Length], chosen, default, default));
        }

        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism > 0 ? _options.MaxDegreeOfParallelism : Environment.ProcessorCount,
        };

        long started = Stopwatch.GetTimestamp();
        int k = ClusterCountFor(n);
        (float[] centroids, int iterations) = SphericalKMeans.Train(embeddings, k, _options, parallel);
        int[] assignment = new int[n];
        float[] toCentroid = new float[n];
        SphericalKMeans.AssignAll(embeddings, centroids, k, assignment, toCentroid, parallel);
        (int[] offsets, int[] members) = GroupByCluster(assignment, k);
        int oversized = 0;
        if (_options.MaxClusterSize > 0)
        {
            (k, oversized) = SplitOversized(embeddings, offsets, members, assignment, toCentroid, k, parallel);
            (offsets, members) = oversized > 0 ? GroupByCluster(assignment, k) : (offsets, members);
        }

        TimeSpan kMeansTime = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        RankMembers(offsets, members, toCentroid, qualityScores, k);
        var thresholds = new float[epsilons.Length];
        for (int e = 0; e < epsilons.Length; e++)
        {
            thresholds[e] = (float)(1 - epsilons[e]);
        }

        var comparer = new ClusterComparer(thresholds, _options.KeepRule, _options.PairwiseBatchSize);
        var dropCounts = new long[epsilons.Length];
        long pairs = 0;

        // Work items: whole clusters, or consecutive chunks (in keep order) of a cluster k-means could not split below the cap.
        int chunk = _options.MaxClusterSize > 0 ? _options.MaxClusterSize : int.MaxValue;
        (int Cluster, int Start, int Length)[] work = [.. Enumerable.Range(0, k)
            .SelectMany(c => Chunks(offsets[c], offsets[c + 1] - offsets[c], chunk).Select(p => (c, p.Start, p.Length)))
            .Where(w => w.Length >= 2)
            .OrderByDescending(w => w.Length).ThenBy(w => w.Start)];
        var dropsByItem = new List<SemanticDropRow>?[work.Length];
        Parallel.For(0, work.Length, parallel, item =>
        {
            (int cluster, int start, int length) = work[item];
            ReadOnlySpan<int> rows = members.AsSpan(start, length);
            int slots = comparer.Slots;
            float[] best = new float[slots * rows.Length];
            int[] bestIndex = new int[slots * rows.Length];
            Interlocked.Add(ref pairs, comparer.Compare(embeddings, rows, best, bestIndex, cancellationToken));
            dropsByItem[item] = CollectDrops(embeddings, rows, cluster, best, bestIndex, thresholds, slots, chosen, dropCounts);
        });
        TimeSpan pairwiseTime = Stopwatch.GetElapsedTime(started);

        var dropped = ImmutableArray.CreateBuilder<SemanticDropRow>((int)dropCounts[chosen]);
        foreach (List<SemanticDropRow>? drops in dropsByItem)
        {
            if (drops is not null)
            {
                dropped.AddRange(drops);
            }
        }

        dropped.Sort(static (a, b) => Documents.DocumentIdentity.Compare(a.DocumentId, a.SourcePath, a.SourceOffset, b.DocumentId, b.SourcePath, b.SourceOffset));
        int nonEmpty = 0;
        int largest = 0;
        for (int c = 0; c < k; c++)
        {
            int size = offsets[c + 1] - offsets[c];
            nonEmpty += size > 0 ? 1 : 0;
            largest = Math.Max(largest, size);
        }

        return new SemanticDedupResult(dropped.ToImmutable(),
            Stats(n, k, nonEmpty, largest, iterations, epsilons, dropCounts, chosen, kMeansTime, pairwiseTime) with
            {
                PairsCompared = pairs,
                OversizedClusters = oversized,
                ChunkedClusters = _options.MaxClusterSize > 0 ? Enumerable.Range(0, k).Count(c => offsets[c + 1] - offsets[c] > _options.MaxClusterSize) : 0,
            });
    }

    /// <summary>
    /// Re-clusters every cluster above <see cref="SemanticDedupOptions.MaxClusterSize"/> with k-means into pieces of about half
    /// the cap: piece 0 keeps the cluster's id, the others get new ids after <paramref name="k"/>. Rows get the cosine to their
    /// new centroid. Returns the new cluster count and how many clusters were oversized.
    /// </summary>
    private (int K, int Oversized) SplitOversized(EmbeddingMatrix embeddings, int[] offsets, int[] members, int[] assignment, float[] toCentroid, int k, ParallelOptions parallel)
    {
        int next = k, oversized = 0;
        var vector = new float[embeddings.Dimension];
        for (int c = 0; c < k; c++)
        {
            int size = offsets[c + 1] - offsets[c];
            if (size <= _options.MaxClusterSize)
            {
                continue;
            }

            oversized++;
            ReadOnlySpan<int> rows = members.AsSpan(offsets[c], size);
            var part = new EmbeddingMatrix(embeddings.Dimension);
            foreach (int row in rows)
            {
                embeddings.CopyTo(row, vector);
                part.Add(embeddings.Id(row), embeddings.SourcePath(row), embeddings.SourceOffset(row), vector);
            }

            int pieces = Math.Min(size, (int)Math.Ceiling(2.0 * size / _options.MaxClusterSize));
            (float[] centroids, _) = SphericalKMeans.Train(part, pieces, _options, parallel);
            int[] pieceOf = new int[size];
            float[] similarity = new float[size];
            SphericalKMeans.AssignAll(part, centroids, pieces, pieceOf, similarity, parallel);
            for (int i = 0; i < size; i++)
            {
                assignment[rows[i]] = pieceOf[i] == 0 ? c : next + pieceOf[i] - 1;
                toCentroid[rows[i]] = similarity[i];
            }

            next += pieces - 1;
        }

        return (next, oversized);
    }

    /// <summary>Splits <paramref name="length"/> members from <paramref name="start"/> into consecutive runs of at most <paramref name="chunk"/>.</summary>
    private static IEnumerable<(int Start, int Length)> Chunks(int start, int length, int chunk)
    {
        for (int offset = 0; offset < length; offset += chunk)
        {
            yield return (start + offset, Math.Min(chunk, length - offset));
        }
    }

    /// <summary>Counting sort of rows by cluster: members of cluster c are <c>members[offsets[c]..offsets[c+1]]</c>, in row order.</summary>
    private static (int[] Offsets, int[] Members) GroupByCluster(int[] assignment, int k)
    {
        int[] offsets = new int[k + 1];
        foreach (int c in assignment)
        {
            offsets[c + 1]++;
        }

        for (int c = 0; c < k; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        int[] next = offsets[..k];
        int[] members = new int[assignment.Length];
        for (int row = 0; row < assignment.Length; row++)
        {
            members[next[assignment[row]]++] = row;
        }

        return (offsets, members);
    }

    /// <summary>Orders each cluster's members by keep priority: farthest from the centroid first (hard), or highest quality first; ties by row.</summary>
    private void RankMembers(int[] offsets, int[] members, float[] toCentroid, IReadOnlyList<float>? quality, int k)
    {
        Comparison<int> order = _options.KeepRule == SemanticKeepRule.Quality
            ? (a, b) => quality![b].CompareTo(quality[a]) is var q and not 0 ? q : a.CompareTo(b)
            : (a, b) => toCentroid[a].CompareTo(toCentroid[b]) is var s and not 0 ? s : a.CompareTo(b);
        for (int c = 0; c < k; c++)
        {
            members.AsSpan(offsets[c], offsets[c + 1] - offsets[c]).Sort(order);
        }
    }

    /// <summary>Adds this cluster's drops to every threshold's count and returns the drop rows at the chosen threshold.</summary>
    private static List<SemanticDropRow>? CollectDrops(EmbeddingMatrix embeddings, ReadOnlySpan<int> rows, int cluster,
        float[] best, int[] bestIndex, float[] thresholds, int slots, int chosen, long[] dropCounts)
    {
        int n = rows.Length;
        List<SemanticDropRow>? drops = null;
        for (int e = 0; e < thresholds.Length; e++)
        {
            int slot = slots == 1 ? 0 : e;
            long count = 0;
            for (int j = 0; j < n; j++)
            {
                float similarity = best[slot * n + j];
                if (similarity <= thresholds[e])
                {
                    continue;
                }

                count++;
                if (e == chosen)
                {
                    (drops ??= []).Add(new SemanticDropRow(embeddings.Id(rows[j]), embeddings.SourcePath(rows[j]), embeddings.SourceOffset(rows[j]), cluster,
                        embeddings.Id(rows[bestIndex[slot * n + j]]), similarity, SemanticDedupReasons.NearDuplicate));
                }
            }

            Interlocked.Add(ref dropCounts[e], count);
        }

        return drops;
    }

    private static SemanticDedupStats Stats(long documents, int clusters, int nonEmpty, int largest, int iterations,
        double[] epsilons, long[] dropCounts, int chosen, TimeSpan kMeansTime, TimeSpan pairwiseTime)
    {
        var byEpsilon = ImmutableArray.CreateBuilder<SemanticEpsilonCount>(epsilons.Length);
        for (int e = 0; e < epsilons.Length; e++)
        {
            byEpsilon.Add(new SemanticEpsilonCount(epsilons[e], dropCounts[e], documents == 0 ? 0 : (double)dropCounts[e] / documents));
        }

        return new SemanticDedupStats
        {
            Documents = documents,
            Clusters = clusters,
            NonEmptyClusters = nonEmpty,
            LargestCluster = largest,
            KMeansIterations = iterations,
            Epsilon = epsilons[chosen],
            Dropped = dropCounts[chosen],
            ByEpsilon = byEpsilon.MoveToImmutable(),
            KMeansTime = kMeansTime,
            PairwiseTime = pairwiseTime,
        };
    }
}
