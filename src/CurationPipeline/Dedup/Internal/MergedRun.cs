namespace CurationPipeline.Dedup.Internal;

/// <summary>A k-way merge of sorted runs through a priority queue: memory is one record and one buffer per run.</summary>
internal sealed class MergedRun : IKeyedRun
{
    private readonly IKeyedRun[] _runs;
    private readonly PriorityQueue<int, KeyedDoc> _heads;

    public MergedRun(IKeyedRun[] runs)
    {
        _runs = runs;
        _heads = new PriorityQueue<int, KeyedDoc>(runs.Length);
        for (int i = 0; i < runs.Length; i++)
        {
            if (runs[i].TryRead(out KeyedDoc first))
            {
                _heads.Enqueue(i, first);
            }
        }
    }

    public bool TryRead(out KeyedDoc record)
    {
        if (!_heads.TryDequeue(out int run, out record))
        {
            return false;
        }

        if (_runs[run].TryRead(out KeyedDoc next))
        {
            _heads.Enqueue(run, next);
        }

        return true;
    }

    public void Dispose()
    {
        foreach (IKeyedRun run in _runs)
        {
            run.Dispose();
        }
    }
}
