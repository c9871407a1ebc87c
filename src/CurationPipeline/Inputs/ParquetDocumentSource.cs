using System.Runtime.CompilerServices;
using CurationPipeline.Documents;
using CurationPipeline.Inputs.Internal;
using CurationPipeline.Outputs.Internal;
using CurationPipeline.Storage;
using Parquet;

namespace CurationPipeline.Inputs;

/// <summary>Reads Parquet files with a <c>text</c> column (and optional <c>id</c>, <c>url</c>, <c>date</c>) as text documents.</summary>
/// <remarks>
/// <c>text</c> and <c>url</c> are strings; <c>id</c> is a string or an integer (derived as <c>{file name}:{row number}</c> when
/// null or absent); <c>date</c> is an ISO-8601 string or a timestamp (an unparseable string is left unset). Other columns are
/// ignored. Every row yields one item. A file that is not Parquet, lacks <c>text</c> or has one of these columns in another type
/// yields one rejection; a row group that cannot be decoded yields one rejection. One row group is in memory at a time. Thread-safe.
/// </remarks>
public sealed class ParquetDocumentSource : IDocumentSource
{
    /// <summary>Whether <paramref name="path"/> has the <c>.parquet</c> extension.</summary>
    /// <param name="path">A file path.</param>
    /// <returns><c>true</c> when this source reads the file.</returns>
    public static bool CanRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SourceItem> ReadAsync(IStorage storage, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(path);
        (Stream Stream, ParquetReader Reader)? opened = null;
        string? failure = null;
        try
        {
            opened = await ParquetShardFile.OpenAsync(storage, path, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            failure = ex.Message;
        }

        if (opened is not var (stream, reader))
        {
            yield return InputRecord.Reject(null, null, InputReasons.ParquetMalformed, isError: true, failure);
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        await using (reader.ConfigureAwait(false))
        {
            ParquetTextColumns? columns = ParquetTextColumns.Find(reader.Schema, out string? reason, out string? detail);
            if (columns is null)
            {
                yield return InputRecord.Reject(null, null, reason!, isError: true, detail);
                yield break;
            }

            long index = 0;
            for (int group = 0; group < reader.RowGroupCount; group++)
            {
                ParquetTextColumns.RowGroupValues? values = null;
                try
                {
                    using ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(group);
                    values = await columns.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or NotSupportedException
                                               or ArgumentException or IndexOutOfRangeException)
                {
                    failure = $"'{path}' row group {group}: {ex.Message}";
                }

                if (values is null)
                {
                    yield return InputRecord.Reject(null, null, InputReasons.ParquetMalformed, isError: true, failure);
                    index += reader.RowGroups[group].RowCount;
                    continue;
                }

                for (int row = 0; row < values.Count; row++, index++)
                {
                    yield return InputRecord.ToItem(values.Ids?[row], values.Urls?[row], values.Texts[row], values.Dates?[row], path, index);
                }
            }
        }
    }
}
