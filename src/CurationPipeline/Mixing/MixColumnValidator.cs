using CurationPipeline.Storage;
using Parquet;

namespace CurationPipeline.Mixing;

/// <summary>
/// Checks, before any mixing work, that every column a mix's filters and domain rules name exists in the annotated data, so a
/// misspelled column (<c>qualty</c>) fails instead of silently taking its <see cref="MixCondition.Default"/> for every document.
/// </summary>
/// <remarks>
/// A condition's default is for null values and for shards that lack a column other shards have (runs tagged with different
/// classifiers); it never stands in for a column no shard has.
/// </remarks>
public static class MixColumnValidator
{
    /// <summary>Checks the columns of <paramref name="options"/> against <paramref name="knownColumns"/>.</summary>
    /// <param name="options">The mix.</param>
    /// <param name="knownColumns">The annotated columns the data has (or a pipeline will write).</param>
    /// <param name="source">Names where the columns come from in the error (the tagged directory, or the pipeline).</param>
    /// <exception cref="MixConfigException">A condition names an unknown column; the message lists the known ones.</exception>
    public static void Validate(MixOptions options, IReadOnlyCollection<string> knownColumns, string source)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(knownColumns);
        var known = new HashSet<string>(knownColumns, StringComparer.Ordinal);
        IEnumerable<(string Key, MixCondition Condition)> conditions =
        [
            .. options.Filters.Select((c, i) => ($"filters[{i}]", c)),
            .. options.Domains.Select((r, i) => ($"domains[{i}].when", r.When)),
        ];
        foreach ((string key, MixCondition condition) in conditions)
        {
            if (!known.Contains(condition.Column))
            {
                throw new MixConfigException(
                    $"Column '{condition.Column}' ({key} of mix '{options.Name}': '{condition}') is not an annotated column of {source}; "
                    + $"the known columns are: {string.Join(", ", known.Order(StringComparer.Ordinal))}. "
                    + "(A condition's default applies to null values and to shards that lack a column other shards have, never to a column no shard has.)");
            }
        }
    }

    /// <summary>Checks the columns of <paramref name="options"/> against the union of the annotated shards' columns in <paramref name="taggedDirectory"/>.</summary>
    /// <param name="storage">Where the tagged data is.</param>
    /// <param name="taggedDirectory">The output directory of <c>curate run</c>.</param>
    /// <param name="options">The mix.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <exception cref="MixConfigException">A condition names a column no annotated shard has.</exception>
    /// <remarks>Reads only the shards' footers. Without annotated shards it checks nothing (the mix reports that itself).</remarks>
    public static async Task ValidateAsync(IStorage storage, string taggedDirectory, MixOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Filters.Count + options.Domains.Count == 0)
        {
            return;
        }

        string directory = storage.Combine(taggedDirectory, "annotated");
        string[] shards = [.. storage.List(directory).Where(p => p.EndsWith(".parquet", StringComparison.Ordinal))];
        if (shards.Length == 0)
        {
            return;
        }

        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in shards)
        {
            using Stream stream = storage.OpenRead(path);
            using Stream seekable = stream.CanSeek ? stream : await BufferAsync(stream, cancellationToken).ConfigureAwait(false);
            await using ParquetReader reader = await ParquetReader.CreateAsync(seekable, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
            columns.UnionWith(reader.Schema.GetDataFields().Select(f => string.Join('.', f.Path.ToList()))); // struct members as "struct.member", as the mix addresses them
        }

        Validate(options, columns, $"the annotated shards in '{directory}'");
    }

    private static async Task<Stream> BufferAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
        buffered.Position = 0;
        return buffered;
    }
}
