using System.Buffers;
using CurationPipeline.Embeddings;

namespace CurationPipeline.Dedup.Semantic.Internal;

/// <summary>
/// The within-cluster step of SemDeDup for one cluster whose members are already in rank order (rank 0 is kept first):
/// for each member, its highest cosine to an earlier member. The upper triangle of the similarity matrix is walked in column
/// blocks of <c>tile</c> members, one column segment (at most <c>tile</c> floats) at a time, so memory is the cluster's vectors plus
/// that segment; the full <c>n × n</c> matrix is never held.
/// </summary>
/// <remarks>
/// Hard rule: one slot; any earlier member counts (FAIR's <c>triu(S, 1).max(0)</c>), so every threshold is read off the same maximum.
/// Quality rule: one slot per threshold; only earlier members still kept under that threshold count, decided column by column.
/// </remarks>
internal sealed class ClusterComparer
{
    private readonly float[] _thresholds;
    private readonly bool _onlyKept;
    private readonly int _tile;

    /// <param name="thresholds">Cosine thresholds <c>1 − eps</c>; a member is a duplicate above its slot's threshold.</param>
    /// <param name="rule">The keep rule.</param>
    /// <param name="tile">The tile side.</param>
    public ClusterComparer(float[] thresholds, SemanticKeepRule rule, int tile)
    {
        _thresholds = thresholds;
        _onlyKept = rule == SemanticKeepRule.Quality;
        _tile = tile;
    }

    /// <summary>Slots per member: 1 under the hard rule, one per threshold under the quality rule.</summary>
    public int Slots => _onlyKept ? _thresholds.Length : 1;

    /// <summary>
    /// Fills <paramref name="best"/> and <paramref name="bestIndex"/> (<c>Slots × members</c>, slot-major) with each member's highest
    /// counted similarity and the member it came from (−1 for none).
    /// </summary>
    /// <returns>The number of similarities computed.</returns>
    public long Compare(EmbeddingMatrix matrix, ReadOnlySpan<int> members, Span<float> best, Span<int> bestIndex, CancellationToken token)
    {
        int n = members.Length;
        int d = matrix.Dimension;
        int slots = Slots;
        best[..(slots * n)].Fill(float.NegativeInfinity);
        bestIndex[..(slots * n)].Fill(-1);
        float[] vectors = ArrayPool<float>.Shared.Rent(n * d);
        float[] column = ArrayPool<float>.Shared.Rent(_tile);
        bool[] kept = ArrayPool<bool>.Shared.Rent(slots * n);
        long pairs = 0;
        try
        {
            for (int i = 0; i < n; i++)
            {
                matrix.CopyTo(members[i], vectors.AsSpan(i * d, d));
            }

            for (int c0 = 0; c0 < n; c0 += _tile)
            {
                token.ThrowIfCancellationRequested();
                int c1 = Math.Min(n, c0 + _tile);
                for (int r0 = 0; r0 <= c0; r0 += _tile)
                {
                    bool diagonal = r0 == c0;
                    for (int j = c0; j < c1; j++)
                    {
                        int r1 = diagonal ? j : Math.Min(n, r0 + _tile);
                        Span<float> sims = column.AsSpan(0, r1 - r0);
                        Similarity.DotRows(vectors.AsSpan(j * d, d), vectors.AsSpan(r0 * d, sims.Length * d), sims);
                        pairs += sims.Length;
                        for (int slot = 0; slot < slots; slot++)
                        {
                            Update(sims, r0, j, n, slot, kept, best, bestIndex);
                            if (diagonal && _onlyKept)
                            {
                                // Every earlier member has been counted for j by now: decide whether j stays under this slot's threshold.
                                kept[slot * n + j] = best[slot * n + j] <= _thresholds[slot];
                            }
                        }
                    }
                }
            }

            return pairs;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(vectors);
            ArrayPool<float>.Shared.Return(column);
            ArrayPool<bool>.Shared.Return(kept);
        }
    }

    private void Update(ReadOnlySpan<float> sims, int r0, int j, int n, int slot, bool[] kept, Span<float> best, Span<int> bestIndex)
    {
        int at = slot * n + j;
        float max = best[at];
        int arg = bestIndex[at];
        for (int i = 0; i < sims.Length; i++)
        {
            if (sims[i] > max && (!_onlyKept || kept[slot * n + r0 + i]))
            {
                max = sims[i];
                arg = r0 + i;
            }
        }

        best[at] = max;
        bestIndex[at] = arg;
    }
}
