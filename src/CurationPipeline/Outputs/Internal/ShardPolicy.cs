using Parquet;

namespace CurationPipeline.Outputs.Internal;

/// <summary>The bounds a <see cref="ParquetShardWriter{TRow}"/> enforces, in rows and in a layout-defined weight (tokens, text bytes).</summary>
internal readonly record struct ShardPolicy(
    string Prefix, long MaxShardRows, long MaxShardWeight, long RowGroupRows, long RowGroupWeight, ParquetOptions Parquet)
{
    /// <summary>The final name of shard <paramref name="index"/>.</summary>
    public string FileName(int index) => $"{Prefix}-{index:D5}.parquet";

    /// <summary>The key-value metadata of shards that record only their schema version.</summary>
    public static IReadOnlyDictionary<string, string> SchemaMetadata(int version) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [TokenizedShardMetadata.SchemaVersionKey] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

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
