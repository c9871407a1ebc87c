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
        var extend = new SignalExtension(readLayout.Signals, newSchema, names);
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
                    writeLayout.Append(row with { Signals = extend.Apply(row.Signals, valuesOf(row)) });
                }

                using ParquetRowGroupWriter output = writer.CreateRowGroup();
                await writeLayout.WriteAsync(output, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Maps a row's signals to the extended schema: where each kept column's value comes from, worked out once per file.</summary>
    private sealed class SignalExtension
    {
        private readonly SignalSchema _schema;
        private readonly int[] _numberSource; // old number ordinal, or ~k for the k-th new value
        private readonly int[] _textSource;   // old text ordinal
        private readonly int _newColumns;

        public SignalExtension(SignalSchema old, SignalSchema schema, IReadOnlyList<string> names)
        {
            _schema = schema;
            var oldOrdinal = new Dictionary<string, int>(StringComparer.Ordinal);
            int oldNumbers = 0, oldTexts = 0;
            foreach ((string name, SignalKind kind) in old.Columns)
            {
                oldOrdinal[name] = kind == SignalKind.Number ? oldNumbers++ : oldTexts++;
            }

            var numbers = new List<int>();
            var texts = new List<int>();
            int added = 0;
            foreach ((string name, SignalKind kind) in schema.Columns)
            {
                if (kind == SignalKind.Text)
                {
                    texts.Add(oldOrdinal[name]);
                }
                else
                {
                    numbers.Add(names.Contains(name, StringComparer.Ordinal) ? ~added++ : oldOrdinal[name]);
                }
            }

            _numberSource = [.. numbers];
            _textSource = [.. texts];
            _newColumns = added;
        }

        public SignalSet Apply(SignalSet signals, double[] values)
        {
            if (values.Length != _newColumns)
            {
                throw new ArgumentException($"{values.Length} values for {_newColumns} new columns.", nameof(values));
            }

            var numbers = new double[_numberSource.Length];
            for (int i = 0; i < numbers.Length; i++)
            {
                int source = _numberSource[i];
                numbers[i] = source >= 0 ? signals.Numbers[source] : values[~source];
            }

            var texts = new string?[_textSource.Length];
            for (int i = 0; i < texts.Length; i++)
            {
                texts[i] = signals.Texts[_textSource[i]];
            }

            return new SignalSet(_schema, numbers, texts);
        }
    }
}
