using CurationPipeline.Documents;
using CurationPipeline.Outputs.Internal;
using CurationPipeline.Storage;
using Parquet;

namespace CurationPipeline.Outputs;

/// <summary>Adds numeric signal columns to an annotated shard after the tag pass (scores a later pass computes, such as embedding heads).</summary>
/// <remarks>
/// The shard is rewritten row group by row group into a temporary file that replaces it atomically: a killed rewrite leaves
/// the old shard. Rows, row groups, existing columns and the file's key-value metadata are kept; a column of the same name is
/// replaced (and moves to the end, after the kept columns), so running the same step twice gives the same shard.
/// </remarks>
public static class AnnotatedShardSignals
{
    /// <summary>Adds (or replaces) number columns <paramref name="names"/> with the values <paramref name="valuesOf"/> gives each row.</summary>
    /// <param name="storage">Where the shard is.</param>
    /// <param name="path">An annotated shard written by <see cref="AnnotatedShardWriter"/>.</param>
    /// <param name="names">The new column names.</param>
    /// <param name="valuesOf">One value per name for a row (NaN for none).</param>
    /// <param name="options">Compression and encoding of the rewritten file; defaults when <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the rewrite (the old shard stays).</param>
    /// <exception cref="InvalidDataException">The file is not an annotated shard.</exception>
    /// <exception cref="ArgumentException">A name is a fixed column, repeats, or a row gets the wrong number of values.</exception>
    public static async Task AddNumbersAsync(IStorage storage, string path, IReadOnlyList<string> names, Func<AnnotatedDocument, double[]> valuesOf,
        ParquetOutputOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(valuesOf);
        if (names.Any(AnnotatedLayout.FixedColumns.Contains) || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException($"Signal names must be unique and not a fixed column: {string.Join(", ", names)}.", nameof(names));
        }

        (Stream stream, ParquetReader reader) = await ParquetShardFile.OpenAsync(storage, path, cancellationToken).ConfigureAwait(false);
        AtomicWrite? file = null;
        try
        {
            await using (stream.ConfigureAwait(false))
            await using (reader.ConfigureAwait(false))
            {
                if (!reader.CustomMetadata.TryGetValue(TokenizedShardMetadata.SchemaVersionKey, out string? version)
                    || version != AnnotatedShardWriter.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    || !AnnotatedLayout.FixedColumns.All(c => reader.Schema.GetDataFields().Any(f => f.Name == c)))
                {
                    throw new InvalidDataException($"'{path}' is not an annotated shard of schema version {AnnotatedShardWriter.SchemaVersion}.");
                }

                file = storage.CreateAtomic(path);
                await CopyWithAsync(reader, file.Stream, names, valuesOf, options ?? new(), cancellationToken).ConfigureAwait(false);
            }

            await file.CommitAsync(cancellationToken).ConfigureAwait(false); // footer written, reader closed: now replace
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false); // deletes the temporary file unless committed
            }
        }
    }

    private static async Task CopyWithAsync(ParquetReader reader, Stream destination, IReadOnlyList<string> names, Func<AnnotatedDocument, double[]> valuesOf,
        ParquetOutputOptions options, CancellationToken cancellationToken)
    {
        AnnotatedLayout readLayout = AnnotatedLayout.ForFile(reader.Schema);
        var newSchema = new SignalSchema([.. readLayout.Signals.Columns.Where(c => !names.Contains(c.Name, StringComparer.Ordinal)), .. names.Select(n => (n, SignalKind.Number))]);
        var writeLayout = new AnnotatedLayout(newSchema);
        ParquetWriter writer = await ParquetWriter.CreateAsync(writeLayout.Schema, destination, options.ToParquetOptions(), append: false, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            writer.CustomMetadata = reader.CustomMetadata;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                AnnotatedDocument[] rows;
                using (ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(g))
                {
                    rows = await readLayout.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
                }

                foreach (AnnotatedDocument row in rows)
                {
                    writeLayout.Append(row with { Signals = Extend(row.Signals, newSchema, names, valuesOf(row)) });
                }

                using ParquetRowGroupWriter output = writer.CreateRowGroup();
                await writeLayout.WriteAsync(output, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The row's signals under <paramref name="schema"/>: its kept columns, then the new values.</summary>
    private static SignalSet Extend(SignalSet signals, SignalSchema schema, IReadOnlyList<string> names, double[] values)
    {
        if (values.Length != names.Count)
        {
            throw new ArgumentException($"{values.Length} values for {names.Count} new columns.", nameof(values));
        }

        var numbers = new double[schema.NumberCount];
        var texts = new string?[schema.Columns.Count - schema.NumberCount];
        int number = 0, text = 0, added = 0;
        foreach ((string name, SignalKind kind) in schema.Columns)
        {
            if (kind == SignalKind.Text)
            {
                texts[text++] = signals.Text(name);
            }
            else
            {
                numbers[number++] = signals.Schema.IndexOf(name) >= 0 && !names.Contains(name, StringComparer.Ordinal) ? signals.Number(name) : values[added++];
            }
        }

        return new SignalSet(schema, numbers, texts);
    }
}
