namespace CurationPipeline.Mixing.Internal;

/// <summary>One document copy in a shuffle bucket: its identity, which copy it is, and its tokens.</summary>
internal sealed record SpilledDocument(byte Domain, string Id, string? Url, string? SourcePath, long SourceOffset, int Copy, int[] InputIds)
{
    /// <summary>The identity key (<see cref="Documents.DocumentIdentity.KeyOf"/>).</summary>
    public UInt128 Key => Documents.DocumentIdentity.KeyOf(Id, SourcePath, SourceOffset);

    /// <summary>Orders by identity, then copy (ordinal): a total order of a mix's rows.</summary>
    public static int CompareIdentity(SpilledDocument a, SpilledDocument b)
    {
        int c = Documents.DocumentIdentity.Compare(a.Id, a.SourcePath, a.SourceOffset, b.Id, b.SourcePath, b.SourceOffset);
        return c != 0 ? c : a.Copy.CompareTo(b.Copy);
    }
}
