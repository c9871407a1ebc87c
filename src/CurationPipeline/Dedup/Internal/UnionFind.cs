namespace CurationPipeline.Dedup.Internal;

/// <summary>Disjoint sets over document indexes: 5 bytes per document (int32 parent, byte rank), union by rank, path halving.</summary>
/// <remarks>The resulting partition does not depend on the order of unions. A root of a set with two or more members has rank ≥ 1.</remarks>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly byte[] _rank;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _rank = new byte[count];
        for (int i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Find(int x)
    {
        int[] parent = _parent;
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>Merges the sets of <paramref name="a"/> and <paramref name="b"/>; <c>false</c> when they were one set already.</summary>
    public bool Union(int a, int b)
    {
        int ra = Find(a);
        int rb = Find(b);
        if (ra == rb)
        {
            return false;
        }

        if (_rank[ra] < _rank[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        if (_rank[ra] == _rank[rb])
        {
            _rank[ra]++;
        }

        return true;
    }

    /// <summary>Whether <paramref name="x"/> shares its set with another document.</summary>
    public bool InCluster(int x) => _parent[x] != x || _rank[x] > 0;
}
