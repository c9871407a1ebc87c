using CurationPipeline.Documents;

namespace CurationPipeline.Dedup.Internal;

/// <summary>One entry of a signature file's document table, with its global index in the dedup scope.</summary>
internal readonly record struct SignedDocument(int Doc, string Id, string SourcePath, long SourceOffset, ushort Priority, UInt128 ExactHash, ulong UrlHash, long DateTicks)
{
    /// <summary>Orders by <see cref="DocumentIdentity.Compare"/>.</summary>
    public int CompareIdentity(in SignedDocument other) =>
        DocumentIdentity.Compare(Id, SourcePath, SourceOffset, other.Id, other.SourcePath, other.SourceOffset);
}
