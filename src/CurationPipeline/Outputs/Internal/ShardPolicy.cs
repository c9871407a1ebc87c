using Parquet;

namespace CurationPipeline.Outputs.Internal;

/// <summary>The bounds a <see cref="ShardedParquetWriter{TRow}"/> enforces, in rows and in a layout-defined weight (tokens, text bytes).</summary>
internal readonly record struct ShardPolicy(
    string Prefix, long MaxShardRows, long MaxShardWeight, long RowGroupRows, long RowGroupWeight, ParquetOptions Parquet)
{
    /// <summary>The final name of shard <paramref name="index"/>.</summary>
    public string FileName(int index) => $"{Prefix}-{index:D5}.parquet";

    /// <summary>Checks a file-name prefix for the options records.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Empty, or contains a path separator.</exception>
    public static void ValidatePrefix(string prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix) || prefix.AsSpan().IndexOfAny('/', '\\') >= 0)
        {
            throw new ArgumentOutOfRangeException("Prefix", prefix, "The prefix must be a non-empty file name without separators.");
        }
    }
}
