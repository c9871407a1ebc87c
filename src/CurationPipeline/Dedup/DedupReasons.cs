namespace CurationPipeline.Dedup;

/// <summary>Reason codes of the dedup stage, written in drop lists and counted as <c>dropped.{reason}</c>.</summary>
public static class DedupReasons
{
    /// <summary>The normalized text equals that of the kept document of its cluster.</summary>
    public const string Exact = "dedup.exact";

    /// <summary>Another capture of the same normalized URL (<see cref="UrlKey"/>) is kept: the newest, then the smallest identity.</summary>
    public const string Url = "dedup.url";

    /// <summary>The document is a MinHash near-duplicate of the kept document of its cluster (connected through LSH candidates).</summary>
    public const string MinHash = "dedup.minhash";

    /// <summary>Paragraph dedup removed every paragraph of the document: each one is held by an earlier document (<see cref="ParagraphDedup"/>).</summary>
    public const string ParagraphEmptied = "dedup.paragraph_emptied";

    /// <summary>
    /// Not a drop: the document's id is shared by another document of the run (two inputs numbering their documents alike, a
    /// crawl read twice). Counted in <see cref="DedupStats.DuplicateIds"/>; the documents stay distinct by source path and offset.
    /// </summary>
    public const string DuplicateId = "dedup.duplicate_id";
}
