using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using Parquet;
using Parquet.Schema;

namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// Scans the tagged data without reading text or token ids: annotated shards (id plus the columns the filters and rules name) decide
/// each document's fate; tokenized shards (id, n_tokens) say where its tokens are. Memory is about 60 bytes per document.
/// </summary>
/// <remarks>
/// When the dedup pass removed paragraphs (<c>dedup/paragraph-removals.bin</c>), an emptied document is excluded and a
/// rewritten one takes its tokens from <c>paragraphs/</c> instead of its row in <c>tokenized/</c>.
/// </remarks>
internal sealed class CatalogBuilder
{
    private const byte Excluded = 0x7F;
    private const byte Seen = 0x80;

    private readonly IStorage _storage;
    private readonly MixOptions _options;
    private readonly Dictionary<string, int> _domainIndex = new(StringComparer.Ordinal);
    private readonly List<string> _domainNames = [];
    // Sorted: which reason comes first depends on how the tag pass split documents into shards (world size, timing); mix-report.json must not.
    private readonly SortedDictionary<string, long> _excluded = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _filterDrops = new(StringComparer.Ordinal);

    public CatalogBuilder(IStorage storage, MixOptions options)
    {
        _storage = storage;
        _options = options;
        foreach (string domain in (IEnumerable<string>)[.. options.Targets.Keys.Order(StringComparer.Ordinal), .. options.Domains.Select(r => r.Domain), options.DefaultDomain])
        {
            if (_domainIndex.TryAdd(domain, _domainNames.Count))
            {
                _domainNames.Add(domain);
            }
        }
    }

    public async Task<Catalog> BuildAsync(string taggedDirectory, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> annotated = ListShards(taggedDirectory, OutputLayout.Annotated);
        IReadOnlyList<string> tokenized = ListShards(taggedDirectory, OutputLayout.Tokenized);
        (HashSet<UInt128> drops, bool dropListApplied) = ReadDropList(taggedDirectory);
        (HashSet<UInt128> emptied, HashSet<UInt128> rewritten) = ReadParagraphRemovals(taggedDirectory);
        Dictionary<UInt128, int> clusterSizes = await ReadClusterSizesAsync(taggedDirectory, cancellationToken).ConfigureAwait(false);
        var fates = new Dictionary<UInt128, byte>();
        long annotatedDocuments = 0;
        foreach (string path in annotated)
        {
            annotatedDocuments += await ScanAnnotatedAsync(path, drops, emptied, fates, cancellationToken).ConfigureAwait(false);
        }

        int originals = tokenized.Count;
        if (rewritten.Count > 0)
        {
            tokenized = [.. tokenized, .. _storage.List(_storage.Combine(taggedDirectory, OutputLayout.Paragraphs)).Where(p => p.EndsWith(".parquet", StringComparison.Ordinal))];
        }

        (List<CatalogEntry> entries, TokenizedShardMetadata metadata, long tokenizedDocuments) =
            await ScanTokenizedAsync(tokenized, originals, rewritten, clusterSizes, fates, cancellationToken).ConfigureAwait(false);
        foreach (byte fate in fates.Values)
        {
            if (fate < Excluded)
            {
                Count(_excluded, MixReasons.NotTokenized); // kept by every rule, never seen in the tokenized shards
            }
        }

        return new Catalog
        {
            TokenizedShards = tokenized,
            Metadata = metadata,
            DomainNames = _domainNames,
            Entries = entries,
            AnnotatedDocuments = annotatedDocuments,
            TokenizedDocuments = tokenizedDocuments,
            Excluded = _excluded,
            FilterDrops = _filterDrops,
            DropListApplied = dropListApplied,
        };
    }

    private IReadOnlyList<string> ListShards(string taggedDirectory, string folder)
    {
        string directory = _storage.Combine(taggedDirectory, folder);
        var shards = _storage.List(directory).Where(p => p.EndsWith(".parquet", StringComparison.Ordinal)).ToArray();
        return shards.Length > 0
            ? shards
            : throw new MixConfigException($"'{directory}' holds no Parquet shards: is '{taggedDirectory}' the output of `curate run`?");
    }

    /// <summary>The configured drop list, or <c>null</c> when the mix applies none.</summary>
    private string? DropListPath(string taggedDirectory) =>
        _options.DropList.Length == 0 ? null
        : Path.IsPathRooted(_options.DropList) || RoutingStorage.IsRemote(_options.DropList) ? _options.DropList
        : _storage.Combine(taggedDirectory, _options.DropList);

    /// <summary>
    /// The drop list's keys. <c>drop_list: ""</c> opts out of dedup (no drop list, no paragraph removals, no rehydration); a
    /// drop list that does not exist is a <see cref="MixConfigException"/> unless it is the default one of a run that did not
    /// dedup (no signature files).
    /// </summary>
    private (HashSet<UInt128> Drops, bool Applied) ReadDropList(string taggedDirectory)
    {
        var drops = new HashSet<UInt128>();
        if (_options.DropList.Length == 0)
        {
            return (drops, false);
        }

        string path = DropListPath(taggedDirectory)!;
        if (!_storage.Exists(path))
        {
            bool dedupRan = _storage.List(_storage.Combine(taggedDirectory, OutputLayout.Signatures)).Count > 0;
            if (_options.DropList != MixOptions.DefaultDropList || dedupRan)
            {
                throw new MixConfigException($"invalid value for 'drop_list': '{path}' does not exist"
                    + (dedupRan ? " (the run signed its documents for dedup: finish the dedup pass first)" : "")
                    + "; `drop_list: \"\"` mixes without dedup.");
            }

            return (drops, false);
        }

        foreach (DropListRow row in DropListFile.Read(_storage, path))
        {
            drops.Add(row.Key);
        }

        return (drops, true);
    }

    /// <summary>Paragraph dedup's emptied documents, and those it rewrote into <c>paragraphs/</c>; both empty when it did not run.</summary>
    private (HashSet<UInt128> Emptied, HashSet<UInt128> Rewritten) ReadParagraphRemovals(string taggedDirectory)
    {
        string path = _storage.Combine(taggedDirectory, OutputLayout.Dedup, OutputLayout.ParagraphRemovals);
        HashSet<UInt128> emptied = [], rewritten = [];
        if (_options.DropList.Length > 0 && _storage.Exists(path))
        {
            foreach ((UInt128 key, ParagraphRemoval removal) in ParagraphRemovalFile.Read(_storage, path))
            {
                (removal.Emptied ? emptied : rewritten).Add(key);
            }
        }

        return (emptied, rewritten);
    }

    /// <summary>The cluster size (URL, exact and MinHash duplicates + 1) of every kept document of a cluster, by identity key, when the mix rehydrates; otherwise empty.</summary>
    private async Task<Dictionary<UInt128, int>> ReadClusterSizesAsync(string taggedDirectory, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<UInt128, int>();
        string? dropList = DropListPath(taggedDirectory);
        string? path = dropList is null ? null : DropListFile.ClusterSizesPath(dropList);
        if (_options.Rehydration.Count == 0)
        {
            return sizes;
        }

        if (path is null || !_storage.Exists(path))
        {
            // MixOptions.Validate refuses rehydration with drop_list: "", so path is the drop list's cluster sizes file here.
            throw new MixConfigException($"invalid value for 'rehydration': it reads the cluster sizes, and '{path}' does not exist (run dedup first).");
        }

        var identity = new IdentityColumns();
        var size = new ColumnValues("cluster_size", numeric: true);
        using Stream stream = _storage.OpenRead(path);
        using Stream seekable = stream.CanSeek ? stream : await BufferAsync(stream, cancellationToken).ConfigureAwait(false);
        await using ParquetReader reader = await ParquetReader.CreateAsync(seekable, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        identity.Bind(reader.Schema, path, "a cluster sizes file");
        size.Bind(reader.Schema, path);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(g);
            await identity.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            await size.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            for (int row = 0; row < rowGroup.RowCount; row++)
            {
                sizes[identity.KeyOf(row, path, g).Key] = (int)size.Numbers[row];
            }
        }

        return sizes;
    }

    private async Task<long> ScanAnnotatedAsync(string path, HashSet<UInt128> drops, HashSet<UInt128> emptied, Dictionary<UInt128, byte> fates, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<(string, bool), ColumnValues>();
        ConditionEvaluator[] filters = [.. _options.Filters.Select(c => new ConditionEvaluator(c, ColumnOf(columns, c)))];
        ConditionEvaluator[] rules = [.. _options.Domains.Select(r => new ConditionEvaluator(r.When, ColumnOf(columns, r.When)))];
        var identity = new IdentityColumns();

        using Stream stream = _storage.OpenRead(path);
        using Stream seekable = stream.CanSeek ? stream : await BufferAsync(stream, cancellationToken).ConfigureAwait(false);
        await using ParquetReader reader = await ParquetReader.CreateAsync(seekable, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        identity.Bind(reader.Schema, path, "an annotated shard");

        foreach (ColumnValues column in columns.Values)
        {
            column.Bind(reader.Schema, path);
        }

        foreach (ConditionEvaluator condition in (IEnumerable<ConditionEvaluator>)[.. filters, .. rules])
        {
            if (condition.MissingWithoutDefault)
            {
                throw new MixConfigException(
                    $"Column '{condition.Condition.Column}' (in '{condition.Condition}') is not in annotated shard '{path}'; "
                    + $"its columns are: {string.Join(", ", reader.Schema.Fields.Select(f => f.Name))}. Set a default on the condition to mix without it.");
            }
        }

        long documents = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(g);
            await identity.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            foreach (ColumnValues column in columns.Values)
            {
                await column.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }

            int rows = checked((int)rowGroup.RowCount);
            for (int row = 0; row < rows; row++)
            {
                UInt128 key = identity.KeyOf(row, path, g).Key;
                if (fates.TryGetValue(key, out byte previous))
                {
                    // One identity, two rows: neither is mixed, since which one would be depends on thread timing.
                    Count(_excluded, MixReasons.RepeatedIdentity, previous < Excluded ? 2 : 1);
                    fates[key] = Excluded;
                    continue;
                }

                fates[key] = Decide(row, key, drops, emptied, filters, rules);
            }

            documents += rows;
        }

        return documents;
    }

    private byte Decide(int row, UInt128 key, HashSet<UInt128> drops, HashSet<UInt128> emptied, ConditionEvaluator[] filters, ConditionEvaluator[] rules)
    {
        if (drops.Count > 0 && drops.Contains(key))
        {
            return Exclude(MixReasons.Duplicate);
        }

        if (emptied.Count > 0 && emptied.Contains(key))
        {
            return Exclude(MixReasons.ParagraphEmptied);
        }

        foreach (ConditionEvaluator filter in filters)
        {
            switch (filter.Evaluate(row))
            {
                case null:
                    return Exclude(MixReasons.MissingValue);
                case false:
                    Count(_filterDrops, filter.Condition.ToString());
                    return Exclude(MixReasons.Filtered);
            }
        }

        string domain = _options.DefaultDomain;
        for (int i = 0; i < rules.Length; i++)
        {
            bool? verdict = rules[i].Evaluate(row);
            if (verdict is null)
            {
                return Exclude(MixReasons.MissingValue);
            }

            if (verdict.Value)
            {
                domain = _options.Domains[i].Domain;
                break;
            }
        }

        return _options.Targets.TryGetValue(domain, out double share) && share > 0
            ? (byte)_domainIndex[domain]
            : Exclude(MixReasons.UntargetedDomain);
    }

    /// <summary>Catalogs the tokenized rows; a row of the first <paramref name="originals"/> shards whose document is in <paramref name="rewritten"/> gives way to its row in the later (paragraph dedup) shards.</summary>
    private async Task<(List<CatalogEntry>, TokenizedShardMetadata, long)> ScanTokenizedAsync(IReadOnlyList<string> shards, int originals,
        HashSet<UInt128> rewritten, Dictionary<UInt128, int> clusterSizes, Dictionary<UInt128, byte> fates, CancellationToken cancellationToken)
    {
        var entries = new List<CatalogEntry>();
        TokenizedShardMetadata? metadata = null;
        var identity = new IdentityColumns();
        var tokens = new ColumnValues("n_tokens", numeric: true);
        long documents = 0;
        for (int shard = 0; shard < shards.Count; shard++)
        {
            string path = shards[shard];
            using Stream stream = _storage.OpenRead(path);
            using Stream seekable = stream.CanSeek ? stream : await BufferAsync(stream, cancellationToken).ConfigureAwait(false);
            await using ParquetReader reader = await ParquetReader.CreateAsync(seekable, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
            TokenizedShardMetadata fileMetadata = TokenizedShardMetadata.Parse(reader.CustomMetadata, path);
            if (metadata is not null && metadata with { SchemaVersion = fileMetadata.SchemaVersion } != fileMetadata)
            {
                throw new InvalidDataException($"'{path}' was tokenized with {fileMetadata.TokenizerName}, but '{shards[0]}' with {metadata.TokenizerName}: one mix needs one tokenizer.");
            }

            metadata ??= fileMetadata;
            identity.Bind(reader.Schema, path, "a tokenized shard");
            tokens.Bind(reader.Schema, path);
            if (!tokens.InFile)
            {
                throw new InvalidDataException($"'{path}' lacks the 'n_tokens' column: not a tokenized shard.");
            }

            int rowInFile = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(g);
                await identity.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
                await tokens.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
                int rows = checked((int)rowGroup.RowCount);
                for (int row = 0; row < rows; row++, rowInFile++)
                {
                    (string documentId, UInt128 key) = identity.KeyOf(row, path, g);
                    if (shard < originals && rewritten.Count > 0 && rewritten.Contains(key))
                    {
                        documents--; // counted once, by its rewritten row
                        continue;
                    }

                    if (!fates.TryGetValue(key, out byte fate))
                    {
                        Count(_excluded, MixReasons.NotAnnotated);
                        continue;
                    }

                    byte domain = (byte)(fate & ~Seen);
                    if ((fate & Seen) != 0 && domain != Excluded)
                    {
                        throw new InvalidDataException($"'{path}': document '{documentId}' has two tokenized rows but one annotated row; the tagged data is inconsistent.");
                    }

                    fates[key] = (byte)(fate | Seen);
                    if (domain != Excluded)
                    {
                        byte weight = (byte)_options.WeightOf(clusterSizes.GetValueOrDefault(key, 1));
                        entries.Add(new CatalogEntry(shard, rowInFile, checked((int)tokens.Numbers[row]), domain, DocumentKey.Validation(documentId), key, weight));
                    }
                }

                documents += rows;
            }
        }

        return (entries, metadata!, documents);
    }

    private byte Exclude(string reason)
    {
        Count(_excluded, reason);
        return Excluded;
    }

    private static ColumnValues ColumnOf(Dictionary<(string, bool), ColumnValues> columns, MixCondition condition)
    {
        var key = (condition.Column, condition.IsNumeric);
        if (!columns.TryGetValue(key, out ColumnValues? column))
        {
            column = new ColumnValues(condition.Column, condition.IsNumeric);
            columns[key] = column;
        }

        return column;
    }

    private static void Count(SortedDictionary<string, long> counts, string key, long by = 1) =>
        counts[key] = counts.GetValueOrDefault(key) + by;

    /// <summary>The columns that identify a row's document (<see cref="DocumentIdentity"/>): id, source_path, source_offset.</summary>
    private sealed class IdentityColumns
    {
        private readonly ColumnValues _id = new("id", numeric: false);
        private readonly ColumnValues _sourcePath = new("source_path", numeric: false);
        private readonly ColumnValues _sourceOffset = new("source_offset", numeric: true);

        public void Bind(ParquetSchema schema, string path, string kind)
        {
            _id.Bind(schema, path);
            _sourcePath.Bind(schema, path);
            _sourceOffset.Bind(schema, path);
            if (!_id.InFile || !_sourcePath.InFile || !_sourceOffset.InFile)
            {
                throw new InvalidDataException($"'{path}' lacks the 'id', 'source_path' or 'source_offset' column: not {kind} of this version (rerun the tag pass).");
            }
        }

        public async Task ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
        {
            await _id.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            await _sourcePath.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            await _sourceOffset.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        public (string Id, UInt128 Key) KeyOf(int row, string path, int rowGroup)
        {
            string id = _id.Strings[row] ?? throw new InvalidDataException($"'{path}': null id in row group {rowGroup}.");
            return (id, DocumentIdentity.KeyOf(id, _sourcePath.Strings[row], (long)_sourceOffset.Numbers[row]));
        }
    }

    private static async Task<Stream> BufferAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
        buffered.Position = 0;
        return buffered;
    }
}
