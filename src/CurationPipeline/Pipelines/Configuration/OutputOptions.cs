namespace CurationPipeline.Pipelines.Configuration;

/// <summary>The <c>outputs:</c> section: shard sizes of what the tag pass writes.</summary>
/// <remarks>
/// Defaults: 50,000,000 tokens per tokenized shard in row groups of 1,000,000 tokens; 100,000 rows per annotated or rejects
/// shard in row groups of 2,000 rows. A row group is buffered in memory before it is written, so the row-group sizes bound
/// the writers' memory (2,000 annotated rows of web text are a few MB).
/// </remarks>
public sealed record OutputOptions
{
    /// <summary>A tokenized shard is closed once it holds at least this many tokens.</summary>
    public long TokensPerShard { get; init; } = 50_000_000;

    /// <summary>An annotated or rejects shard is closed once it holds this many rows.</summary>
    public int RowsPerShard { get; init; } = 100_000;

    /// <summary>Tokens buffered per row group of a tokenized shard.</summary>
    public long TokensPerRowGroup { get; init; } = 1_000_000;

    /// <summary>Rows buffered per row group of an annotated or rejects shard.</summary>
    public int RowsPerRowGroup { get; init; } = 2_000;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TokensPerShard, 1, nameof(TokensPerShard));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowsPerShard, 1, nameof(RowsPerShard));
        ArgumentOutOfRangeException.ThrowIfLessThan(TokensPerRowGroup, 1, nameof(TokensPerRowGroup));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowsPerRowGroup, 1, nameof(RowsPerRowGroup));
    }
}
