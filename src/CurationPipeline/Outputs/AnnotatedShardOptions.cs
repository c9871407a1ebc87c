using CurationPipeline.Outputs.Internal;

namespace CurationPipeline.Outputs;

/// <summary>How <see cref="AnnotatedShardWriter"/> splits its output into files and row groups.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Prefix"/></term><description><c>annotated</c></description></item>
/// <item><term><see cref="MaxRowsPerShard"/></term><description>1,000,000</description></item>
/// <item><term><see cref="MaxTextBytesPerShard"/></term><description>1 GiB of UTF-8 text</description></item>
/// <item><term><see cref="RowGroupRows"/></term><description>10,000</description></item>
/// <item><term><see cref="RowGroupTextBytes"/></term><description>64 MiB</description></item>
/// <item><term><see cref="Parquet"/></term><description>Zstd, Fastest</description></item>
/// </list>
/// A shard is closed when either bound would be passed; a row group is written when either row-group bound is reached.
/// </remarks>
public sealed record AnnotatedShardOptions
{
    /// <summary>The file name prefix; files are <c>{Prefix}-{shard:D5}.parquet</c>.</summary>
    public string Prefix { get; init; } = "annotated";

    /// <summary>The most documents one file holds.</summary>
    public long MaxRowsPerShard { get; init; } = 1_000_000;

    /// <summary>The most UTF-8 bytes of <c>text</c> one file holds (one larger document still gets its own file).</summary>
    public long MaxTextBytesPerShard { get; init; } = 1L << 30;

    /// <summary>Documents buffered before a row group is written.</summary>
    public long RowGroupRows { get; init; } = 10_000;

    /// <summary>UTF-8 text bytes buffered before a row group is written.</summary>
    public long RowGroupTextBytes { get; init; } = 64L << 20;

    /// <summary>Compression.</summary>
    public ParquetOutputOptions Parquet { get; init; } = new();

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive, or the prefix is empty or contains a separator.</exception>
    public void Validate()
    {
        ShardPolicy.ValidatePrefix(Prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRowsPerShard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTextBytesPerShard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RowGroupRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RowGroupTextBytes);
        Parquet.Validate();
    }
}
