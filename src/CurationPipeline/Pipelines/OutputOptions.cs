namespace CurationPipeline.Pipelines;

/// <summary>The <c>outputs:</c> section: shard sizes of what the tag pass writes.</summary>
/// <remarks>Defaults: 50,000,000 tokens per tokenized shard, 100,000 documents per annotated or rejects shard.</remarks>
public sealed record OutputOptions
{
    /// <summary>A tokenized shard is closed once it holds at least this many tokens.</summary>
    public long TokensPerShard { get; init; } = 50_000_000;

    /// <summary>An annotated or rejects shard is closed once it holds this many rows.</summary>
    public int RowsPerShard { get; init; } = 100_000;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the parameter name is the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TokensPerShard, 1, nameof(TokensPerShard));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowsPerShard, 1, nameof(RowsPerShard));
    }
}
