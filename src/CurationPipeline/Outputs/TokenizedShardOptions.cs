using CurationPipeline.Outputs.Internal;

namespace CurationPipeline.Outputs;

/// <summary>How <see cref="TokenizedShardWriter"/> splits its output into files and row groups.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Prefix"/></term><description><c>tokens</c> (files <c>tokens-00000.parquet</c>, …)</description></item>
/// <item><term><see cref="MaxTokensPerShard"/></term><description>50,000,000</description></item>
/// <item><term><see cref="RowGroupTokens"/></term><description>1,000,000</description></item>
/// <item><term><see cref="Parquet"/></term><description>Zstd, Fastest</description></item>
/// </list>
/// A shard never holds more than <see cref="MaxTokensPerShard"/> tokens, except a shard holding one larger document.
/// </remarks>
public sealed record TokenizedShardOptions
{
    /// <summary>The file name prefix; files are <c>{Prefix}-{shard:D5}.parquet</c>.</summary>
    public string Prefix { get; init; } = "tokens";

    /// <summary>The most tokens one file holds.</summary>
    public long MaxTokensPerShard { get; init; } = 50_000_000;

    /// <summary>Tokens buffered before a row group is written (memory is about 12 bytes per buffered token).</summary>
    public long RowGroupTokens { get; init; } = 1_000_000;

    /// <summary>Compression.</summary>
    public ParquetOutputOptions Parquet { get; init; } = new();

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive, or the prefix is empty.</exception>
    public void Validate()
    {
        ShardPolicy.ValidatePrefix(Prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTokensPerShard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RowGroupTokens);
        Parquet.Validate();
    }
}
