using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Graph.Internal;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Pipelines.Graph;

/// <summary>
/// The tag pass's sink: live documents to <c>annotated/</c>, <c>tokenized/</c> and (when signed) <c>signatures/</c>,
/// rejections to <c>rejects/</c>.
/// </summary>
/// <remarks>Files are named <c>{pass}-{rank:D5}-{shard:D5}.parquet</c> (<see cref="OutputLayout"/>); each is published atomically.
/// Signatures are buffered up to <see cref="DedupOptions.SignaturesPerFile"/> and written only when their file is complete.</remarks>
public sealed class TagSink : ITagSink
{
    private readonly TokenizedShardWriter _tokenized;
    private readonly AnnotatedShardWriter _annotated;
    private readonly RejectsWriter _rejects;
    private readonly RotatingSignatureWriter? _signatures;

    /// <summary>Creates the three writers of one task.</summary>
    /// <param name="storage">Where the shards go.</param>
    /// <param name="outputDirectory">The run's output directory.</param>
    /// <param name="task">The task; its <see cref="PipelineTask.Stem"/> prefixes every file.</param>
    /// <param name="tokenizer">The tokenizer whose name and vocabulary go into the tokenized shards' metadata.</param>
    /// <param name="options">Shard sizes.</param>
    /// <param name="signals">The signal columns of the annotated shards.</param>
    /// <param name="dedup">Signature file sizes, or <c>null</c> when documents are not signed.</param>
    public TagSink(IStorage storage, string outputDirectory, PipelineTask task, TextTokenizer tokenizer, OutputOptions options, SignalSchema signals, DedupOptions? dedup)
    {
        _tokenized = new TokenizedShardWriter(
            storage,
            storage.Combine(outputDirectory, OutputLayout.Tokenized),
            TokenizedShardMetadata.For(tokenizer),
            new TokenizedShardOptions { Prefix = task.Stem, MaxTokensPerShard = options.TokensPerShard, RowGroupTokens = Math.Min(options.TokensPerShard, options.TokensPerRowGroup) });
        _annotated = new AnnotatedShardWriter(
            storage,
            storage.Combine(outputDirectory, OutputLayout.Annotated),
            new AnnotatedShardOptions { Prefix = task.Stem, MaxRowsPerShard = options.RowsPerShard, RowGroupRows = Math.Min(options.RowsPerShard, options.RowsPerRowGroup) },
            signals);
        _rejects = new RejectsWriter(
            storage,
            storage.Combine(outputDirectory, OutputLayout.Rejects),
            new RejectsWriterOptions { Prefix = task.Stem, MaxRowsPerShard = options.RowsPerShard, RowGroupRows = Math.Min(options.RowsPerShard, options.RowsPerRowGroup) });
        _signatures = dedup is null ? null : new RotatingSignatureWriter(storage, storage.Combine(outputDirectory, OutputLayout.Signatures), task, dedup);
    }

    /// <inheritdoc/>
    public async ValueTask WriteAsync(PipelineItem item, CancellationToken cancellationToken)
    {
        if (item.Rejection is { } rejection)
        {
            await _rejects.WriteAsync(rejection, cancellationToken).ConfigureAwait(false);
            if (item.Annotated is { } scored)
            {
                // A filter's drop keeps its row in annotated/ (signals and filter_reason), so thresholds can change later.
                await _annotated.WriteAsync(scored, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var document = item.Annotated ?? throw new InvalidOperationException($"Item {item.Id} reached the sink without extraction.");
        int[] ids = item.TokenIds ?? throw new InvalidOperationException($"Item {item.Id} reached the sink without tokens.");
        await _annotated.WriteAsync(document, cancellationToken).ConfigureAwait(false);
        await _tokenized.WriteAsync(new TokenizedDocument
        {
            Id = document.Id,
            Url = document.Url,
            InputIds = ids,
            SourcePath = document.SourcePath,
            SourceOffset = document.SourceOffset,
        }, cancellationToken).ConfigureAwait(false);
        if (_signatures is not null)
        {
            await _signatures.AddAsync(item.Signature ?? throw new InvalidOperationException($"Item {item.Id} reached the sink unsigned."), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<string>> CompleteAsync(CancellationToken cancellationToken)
    {
        var committed = new List<string>();
        committed.AddRange(await _annotated.CompleteAsync(cancellationToken).ConfigureAwait(false));
        committed.AddRange(await _tokenized.CompleteAsync(cancellationToken).ConfigureAwait(false));
        committed.AddRange(await _rejects.CompleteAsync(cancellationToken).ConfigureAwait(false));
        if (_signatures is not null)
        {
            committed.AddRange(await _signatures.CompleteAsync(cancellationToken).ConfigureAwait(false));
        }

        return committed;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _annotated.DisposeAsync().ConfigureAwait(false);
        await _tokenized.DisposeAsync().ConfigureAwait(false);
        await _rejects.DisposeAsync().ConfigureAwait(false);
    }
}
