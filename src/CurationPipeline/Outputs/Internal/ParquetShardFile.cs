using CurationPipeline.Storage;
using Parquet;

namespace CurationPipeline.Outputs.Internal;

/// <summary>Opens Parquet files from an <see cref="IStorage"/> and streams their rows through a <see cref="ParquetRowLayout{TRow}"/>.</summary>
internal static class ParquetShardFile
{
    /// <summary>Opens <paramref name="path"/> for reading; a non-seekable storage stream is buffered in memory first.</summary>
    /// <exception cref="InvalidDataException">The file is not Parquet.</exception>
    public static async Task<(Stream Stream, ParquetReader Reader)> OpenAsync(IStorage storage, string path, CancellationToken cancellationToken)
    {
        Stream stream = storage.OpenRead(path);
        try
        {
            if (!stream.CanSeek)
            {
                var buffered = new MemoryStream();
                await stream.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
                await stream.DisposeAsync().ConfigureAwait(false);
                buffered.Position = 0;
                stream = buffered;
            }

            ParquetReader reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
            return (stream, reader);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or NotSupportedException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new InvalidDataException($"'{path}' is not a readable Parquet file: {ex.Message}", ex);
        }
    }

    /// <summary>Streams every row of an open file, one row group in memory at a time.</summary>
    public static async IAsyncEnumerable<TRow> ReadRowsAsync<TRow>(ParquetReader reader, ParquetRowLayout<TRow> layout,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int i = 0; i < reader.RowGroupCount; i++)
        {
            TRow[] rows;
            using (ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(i))
            {
                rows = await layout.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }

            foreach (TRow row in rows)
            {
                yield return row;
            }
        }
    }

    /// <summary>Streams every row of <paramref name="path"/>.</summary>
    public static async IAsyncEnumerable<TRow> ReadRowsAsync<TRow>(IStorage storage, string path, ParquetRowLayout<TRow> layout,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (Stream stream, ParquetReader reader) = await OpenAsync(storage, path, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        await using (reader.ConfigureAwait(false))
        {
            await foreach (TRow row in ReadRowsAsync(reader, layout, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }
}
