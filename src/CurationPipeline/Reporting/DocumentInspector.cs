using System.Runtime.CompilerServices;
using CurationPipeline.Dedup;
using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines;
using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Pipelines.Stats;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Reporting;

/// <summary>Finds documents of a run by reason, mix domain or id, joining the annotated shards with the drop list and the mix by identity.</summary>
public sealed class DocumentInspector
{
    private readonly IStorage _storage;

    /// <summary>Creates an inspector.</summary>
    /// <param name="storage">Where the output directory is.</param>
    public DocumentInspector(IStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
    }

    /// <summary>Streams the annotated documents of <paramref name="outputDirectory"/> that match <paramref name="query"/>, in shard order.</summary>
    /// <param name="outputDirectory">A run's output directory.</param>
    /// <param name="query">The criteria.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <exception cref="InvalidDataException">A shard or the drop list is damaged.</exception>
    public async IAsyncEnumerable<InspectedDocument> FindAsync(string outputDirectory, InspectQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(query);
        string dropListPath = _storage.Combine(outputDirectory, OutputLayout.Dedup, OutputLayout.DropList);
        Dictionary<UInt128, string> drops = _storage.Exists(dropListPath)
            ? DropListFile.Read(_storage, dropListPath).ToDictionary(d => d.Key, d => d.Reason)
            : [];
        Dictionary<UInt128, string> domains = await MixDomainsAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        int found = 0;
        foreach (string shard in _storage.List(_storage.Combine(outputDirectory, OutputLayout.Annotated)).Where(p => p.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(_storage, shard, cancellationToken).ConfigureAwait(false))
            {
                if (query.Id is { } id && document.Id != id)
                {
                    continue;
                }

                UInt128 key = DocumentIdentity.KeyOf(document.Id, document.SourcePath, document.SourceOffset);
                string? dropReason = drops.GetValueOrDefault(key);
                string? domain = domains.GetValueOrDefault(key);
                if ((query.Reason is { } reason && document.FilterReason != reason && dropReason != reason)
                    || (query.Domain is { } wanted && domain != wanted))
                {
                    continue;
                }

                yield return new InspectedDocument(document, dropReason, domain);
                if (++found >= query.Limit)
                {
                    yield break;
                }
            }
        }
    }

    private async Task<Dictionary<UInt128, string>> MixDomainsAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        var domains = new Dictionary<UInt128, string>();
        foreach (string folder in (string[])["train", "validation"])
        {
            string directory = _storage.Combine(outputDirectory, OutputLayout.Mix, folder);
            foreach (string shard in _storage.List(directory).Where(p => p.EndsWith(".parquet", StringComparison.Ordinal)))
            {
                await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(_storage, shard, cancellationToken).ConfigureAwait(false);
                await foreach (TokenizedDocument row in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    domains.TryAdd(DocumentIdentity.KeyOf(row.Id, row.SourcePath, row.SourceOffset), row.Domain);
                }
            }
        }

        return domains;
    }
}
