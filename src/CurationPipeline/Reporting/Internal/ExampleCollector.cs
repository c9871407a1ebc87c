namespace CurationPipeline.Reporting.Internal;

/// <summary>
/// Keeps, per (stage, reason) and for kept documents, the examples with the smallest identities (id, source path, offset;
/// ordinal): the same examples whatever order the shards are read in.
/// </summary>
internal sealed class ExampleCollector(int perReason)
{
    private readonly Dictionary<(string Stage, string Reason), List<((string, string, long) Key, ExampleDocument Example)>> _byReason = [];
    private readonly List<((string, string, long) Key, ExampleDocument Example)> _kept = [];

    public IReadOnlyList<ExampleDocument> Kept => [.. _kept.Select(e => e.Example)];

    /// <summary>Offers an example of <paramref name="reason"/>, or of a kept document when it is <c>null</c>.</summary>
    public void Add((string Stage, string Reason)? reason, (string, string, long) key, ExampleDocument example)
    {
        List<((string, string, long), ExampleDocument)> list;
        if (reason is { } r)
        {
            if (!_byReason.TryGetValue(r, out list!))
            {
                list = [];
                _byReason[r] = list;
            }
        }
        else
        {
            list = _kept;
        }

        int at = list.FindIndex(e => Compare(key, e.Item1) < 0);
        if (at < 0 && list.Count >= perReason)
        {
            return;
        }

        list.Insert(at < 0 ? list.Count : at, (key, example));
        if (list.Count > perReason)
        {
            list.RemoveAt(list.Count - 1);
        }
    }

    public IReadOnlyList<ExampleDocument> For(string stage, string reason) =>
        _byReason.TryGetValue((stage, reason), out var list) ? [.. list.Select(e => e.Example)] : [];

    private static int Compare((string Id, string Path, long Offset) a, (string Id, string Path, long Offset) b) =>
        Documents.DocumentIdentity.Compare(a.Id, a.Path, a.Offset, b.Id, b.Path, b.Offset);
}
