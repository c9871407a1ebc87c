namespace CurationPipeline.Training;

/// <summary>Stable reason codes for input the training data loader counts and skips instead of throwing.</summary>
public static class TrainingReasons
{
    /// <summary>A shard could not be read as a tokenized shard (not Parquet, or missing its metadata).</summary>
    public const string UnreadableShard = "train.unreadable_shard";

    /// <summary>A shard was tokenized with another tokenizer (name, vocabulary size or end-of-document id) than the first shard.</summary>
    public const string TokenizerMismatch = "train.tokenizer_mismatch";

    /// <summary>A document has no tokens besides (or not even) its end-of-document id.</summary>
    public const string EmptyDocument = "train.empty_document";

    /// <summary>A document holds an id outside <c>[0, vocab_size)</c>.</summary>
    public const string TokenOutOfRange = "train.token_out_of_range";
}
