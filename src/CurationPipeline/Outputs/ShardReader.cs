using CurationPipeline.Documents;
using CurationPipeline.Outputs.Internal;
using System.Runtime.CompilerServices;
using CurationPipeline.Storage;
using Parquet;

namespace CurationPipeline.Outputs;

/// <summary>Reads annotated and rejects shards back (later passes and tests); tokenized shards use <see cref="TokenizedShardReader"/>.</summary>
/// <remarks>Rows stream one row group at a time, in file order.</remarks>
public static class ShardReader
{
    /// <summary>Streams the documents of an annotated shard written by <see cref="AnnotatedShardWriter"/>.</summary>
    /// <param name="storage">Where the shard is.</param>
    /// <param name="path">The shard.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="InvalidDataException">The file is not Parquet, or a required column is null.</exception>
    public static async IAsyncEnumerable<AnnotatedDocument> ReadAnnotatedAsync(IStorage storage, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (Stream stream, ParquetReader reader) = await ParquetShardFile.OpenAsync(storage, path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        await using (reader.ConfigureAwait(false))
        {
            AnnotatedLayout layout = AnnotatedLayout.ForFile(reader.Schema);
            await foreach (AnnotatedDocument row in ParquetShardFile.ReadRowsAsync(reader, layout, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <summary>Streams the rejections of a rejects shard written by <see cref="RejectsWriter"/>.</summary>
    /// <param name="storage">Where the shard is.</param>
    /// <param name="path">The shard.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="InvalidDataException">The file is not Parquet, or a required column is null.</exception>
    public static IAsyncEnumerable<Rejection> ReadRejectsAsync(IStorage storage, string path, CancellationToken cancellationToken) =>
        ParquetShardFile.ReadRowsAsync(storage, path, new RejectionLayout(), cancellationToken);
}
