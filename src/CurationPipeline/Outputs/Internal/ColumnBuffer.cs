namespace CurationPipeline.Outputs.Internal;

/// <summary>A growable array reused across row groups, handed to Parquet.Net as memory without copying.</summary>
internal sealed class ColumnBuffer<T>
{
    private T[] _items = new T[256];

    public int Count { get; private set; }

    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    public ArraySegment<T> Segment => new(_items, 0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        if (Count + items.Length > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + items.Length));
        }

        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    /// <summary>Forgets the items; reference-type slots are cleared so buffered strings can be collected.</summary>
    public void Clear()
    {
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, 0, Count);
        }

        Count = 0;
    }
}
