using CurationPipeline.Outputs.Internal;

namespace CurationPipeline.Outputs;

/// <summary>How <see cref="RejectsWriter"/> splits its output into files and row groups.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Prefix"/></term><description><c>rejects</c></description></item>
/// <item><term><see cref="MaxRowsPerShard"/></term><description>5,000,000</description></item>
/// <item><term><see cref="RowGroupRows"/></term><description>100,000</description></item>
/// <item><term><see cref="Parquet"/></term><description>Zstd, Fastest</description></item>
/// </list>
/// </remarks>
public sealed record RejectsWriterOptions
{
    /// <summary>The file name prefix; files are <c>{Prefix}-{shard:D5}.parquet</c>.</summary>
    public string Prefix { get; init; } = "rejects";

    /// <summary>The most rejections one file holds.</summary>
    public long MaxRowsPerShard { get; init; } = 5_000_000;

    /// <summary>Rejections buffered before a row group is written.</summary>
    public long RowGroupRows { get; init; } = 100_000;

    /// <summary>Compression.</summary>
    public ParquetOutputOptions Parquet { get; init; } = new();

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive, or the prefix is empty or contains a separator.</exception>
    public void Validate()
    {
        ShardPolicy.ValidatePrefix(Prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRowsPerShard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RowGroupRows);
        Parquet.Validate();
    }
}
