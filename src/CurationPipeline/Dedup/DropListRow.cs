namespace CurationPipeline.Dedup;

/// <summary>One document to drop: it belongs to a duplicate cluster whose kept document is another one.</summary>
/// <param name="DocumentId">The dropped document's id.</param>
/// <param name="SourcePath">The dropped document's source path: with the id and offset it identifies the document (<see cref="Documents.DocumentIdentity"/>), so another document with the same id is never dropped with it.</param>
/// <param name="SourceOffset">The dropped document's source offset.</param>
/// <param name="ClusterId">The low 64 bits of the kept document's identity key (<see cref="Documents.DocumentIdentity.KeyOf"/>): stable across runs, ranks, input orders and input folders.</param>
/// <param name="KeptId">The document kept for the cluster (highest priority, then smallest identity: id, source path, offset).</param>
/// <param name="Reason"><see cref="DedupReasons.Exact"/> when the normalized text equals the kept one's, else <see cref="DedupReasons.MinHash"/>; <see cref="DedupReasons.Url"/> when a newer capture of its URL is kept; or a semantic reason.</param>
public readonly record struct DropListRow(string DocumentId, string SourcePath, long SourceOffset, ulong ClusterId, string KeptId, string Reason)
{
    /// <summary>The dropped document's identity key (<see cref="Documents.DocumentIdentity.KeyOf"/>).</summary>
    public UInt128 Key => Documents.DocumentIdentity.KeyOf(DocumentId, SourcePath, SourceOffset);

    /// <summary>Orders rows by the dropped document's identity (id, source path, offset; ordinal): the drop list's file order.</summary>
    public static int CompareByIdentity(DropListRow x, DropListRow y) =>
        Documents.DocumentIdentity.Compare(x.DocumentId, x.SourcePath, x.SourceOffset, y.DocumentId, y.SourcePath, y.SourceOffset);
}
