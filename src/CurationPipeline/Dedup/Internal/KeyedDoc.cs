namespace CurationPipeline.Dedup.Internal;

/// <summary>A bucket record of the global step: a band or exact hash and a global document index, ordered by (key, doc).</summary>
internal readonly record struct KeyedDoc(UInt128 Key, int Doc) : IComparable<KeyedDoc>
{
    public int CompareTo(KeyedDoc other)
    {
        int byKey = Key.CompareTo(other.Key);
        return byKey != 0 ? byKey : Doc.CompareTo(other.Doc);
    }
}
