using CurationPipeline.Outputs.Internal;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;
using Parquet;

namespace CurationPipeline.Outputs;

/// <summary>Reads a tokenized shard written by <see cref="TokenizedShardWriter"/>: its metadata and its rows.</summary>
/// <remarks>One row group is held in memory at a time. Not thread-safe.</remarks>
public sealed class TokenizedShardReader : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly ParquetReader _reader;

    private TokenizedShardReader(Stream stream, ParquetReader reader, TokenizedShardMetadata metadata)
    {
        _stream = stream;
        _reader = reader;
        Metadata = metadata;
    }

    /// <summary>The tokenizer description stored in the file.</summary>
    public TokenizedShardMetadata Metadata { get; }

    /// <summary>The number of rows (documents) in the file.</summary>
    public long RowCount
    {
        get
        {
            long rows = 0;
            foreach (var group in _reader.RowGroups)
            {
                rows += group.RowCount;
            }

            return rows;
        }
    }

    /// <summary>Opens a shard and reads its metadata.</summary>
    /// <param name="storage">Where the shard is.</param>
    /// <param name="path">The shard.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>An open reader; dispose it.</returns>
    /// <exception cref="InvalidDataException">The file is not Parquet or lacks the tokenized-shard metadata.</exception>
    public static async Task<TokenizedShardReader> OpenAsync(IStorage storage, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        (Stream stream, ParquetReader reader) = await ParquetShardFile.OpenAsync(storage, path, cancellationToken).ConfigureAwait(false);
        try
        {
            TokenizedShardMetadata metadata = TokenizedShardMetadata.Parse(reader.CustomMetadata, path);
            return metadata.SchemaVersion == TokenizedShardMetadata.CurrentSchemaVersion
                ? new TokenizedShardReader(stream, reader, metadata)
                : throw new InvalidDataException($"'{path}' is a schema version {metadata.SchemaVersion} tokenized shard; this build reads version "
                    + $"{TokenizedShardMetadata.CurrentSchemaVersion} (which adds source_path and source_offset): rerun the tag pass.");
        }
        catch (InvalidDataException)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Streams the rows in file order; each row's ids end with <see cref="TokenizedShardMetadata.EndOfDocumentId"/>.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    public IAsyncEnumerable<TokenizedDocument> ReadAllAsync(CancellationToken cancellationToken) =>
        ParquetShardFile.ReadRowsAsync(_reader, new TokenizedLayout(), cancellationToken);

    /// <summary>Closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
