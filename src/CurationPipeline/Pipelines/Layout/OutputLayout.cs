namespace CurationPipeline.Pipelines.Layout;

/// <summary>The folders and file names under a run's output directory: the contract later passes and users rely on.</summary>
/// <remarks>
/// <c>tokenized/</c>, <c>annotated/</c> and <c>rejects/</c> hold Parquet shards named <c>{pass}-{rank:D5}-{shard:D5}.parquet</c>,
/// <c>signatures/</c> the dedup signatures of the same documents;
/// <c>stats/{pass}-{rank:D5}.json</c> holds each task's counters and <c>completions/{pass}-{rank:D5}</c> marks a task as done
/// (written last). <c>stats.json</c> merges all tasks once every one is done, plus the global passes' own stats
/// (<c>stats/dedup.json</c>, <c>stats/semdedup.json</c>), so a rerun rewrites it whole. <see cref="OutputLock"/> adds
/// <c>.curate.lock</c> and <c>.locks/</c>.
/// </remarks>
public static class OutputLayout
{
    /// <summary>Tokenized shards.</summary>
    public const string Tokenized = "tokenized";

    /// <summary>Annotated shards (text and signals).</summary>
    public const string Annotated = "annotated";

    /// <summary>Rejected documents with stage and reason.</summary>
    public const string Rejects = "rejects";

    /// <summary>MinHash and exact-hash signatures of the annotated documents (<c>{pass}-{rank:D5}-{file:D5}.dedupsig</c>).</summary>
    public const string Signatures = "signatures";

    /// <summary>The dedup pass's outputs: <c>drop-list.bin</c> and, while it runs, pair files.</summary>
    public const string Dedup = "dedup";

    /// <summary>The dedup pass's scratch folder inside <see cref="Dedup"/> (pair files and merge runs of a local run); empty and removed after the pass.</summary>
    public const string DedupWork = "work";

    /// <summary>The drop list file inside <see cref="Dedup"/>.</summary>
    public const string DropList = "drop-list.bin";

    /// <summary>Paragraph dedup's decisions inside <see cref="Dedup"/>: per document that loses a paragraph, which ones.</summary>
    public const string ParagraphRemovals = "paragraph-removals.bin";

    /// <summary>Paragraph dedup's rewritten documents: tokenized shards (<c>{annotated shard stem}-{n:D5}.parquet</c>) that replace their rows in <see cref="Tokenized"/> for the mix.</summary>
    public const string Paragraphs = "paragraphs";

    /// <summary>The mix pass's output (train/, validation/, bin/, megatron/, mix-report.json) when the pipeline names a mix.</summary>
    public const string Mix = "mix";

    /// <summary>The semantic pass's embedding matrices, one file per tag task.</summary>
    public const string Embeddings = "embeddings";

    /// <summary>Per-task stats.</summary>
    public const string Stats = "stats";

    /// <summary>Live progress snapshots of running tasks (<c>progress/{pass}-{rank:D5}.json</c>).</summary>
    public const string Progress = "progress";

    /// <summary>Per-task completion markers.</summary>
    public const string Completions = "completions";

    /// <summary>The merged stats file.</summary>
    public const string MergedStats = "stats.json";

    /// <summary>The folders holding a task's shards.</summary>
    public static IReadOnlyList<string> ShardFolders { get; } = [Tokenized, Annotated, Rejects, Signatures];
}
