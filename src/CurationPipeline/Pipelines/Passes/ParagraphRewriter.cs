using CurationPipeline.Dedup;
using CurationPipeline.Dedup.Internal;
using CurationPipeline.Documents;
using CurationPipeline.Outputs;
using CurationPipeline.Pipelines.Layout;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Pipelines.Passes;

/// <summary>
/// Applies paragraph dedup's decisions: every annotated shard's modified documents, without their removed paragraphs,
/// re-tokenized into <c>paragraphs/{shard stem}-{n:D5}.parquet</c> (one writer per annotated shard, so the output does not
/// depend on the parallelism). Emptied documents get no row: the mix drops them by the decisions file.
/// </summary>
internal sealed class ParagraphRewriter(IStorage storage, TextTokenizer tokenizer, int maxDegreeOfParallelism)
{
    /// <summary>Rewrites the modified documents of <paramref name="outputDirectory"/>; returns how many rows were written.</summary>
    public async Task<long> RunAsync(string outputDirectory, IReadOnlyDictionary<UInt128, ParagraphRemoval> removals, CancellationToken cancellationToken)
    {
        string directory = storage.Combine(outputDirectory, OutputLayout.Paragraphs);
        foreach (string stale in storage.List(directory))
        {
            storage.Delete(stale);
        }

        string[] shards = [.. storage.List(storage.Combine(outputDirectory, OutputLayout.Annotated)).Where(p => p.EndsWith(".parquet", StringComparison.Ordinal))];
        long written = 0;
        await Parallel.ForEachAsync(shards, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            async (shard, token) => Interlocked.Add(ref written, await RewriteAsync(shard, directory, removals, token).ConfigureAwait(false))).ConfigureAwait(false);
        return written;
    }

    private async Task<long> RewriteAsync(string shard, string directory, IReadOnlyDictionary<UInt128, ParagraphRemoval> removals, CancellationToken cancellationToken)
    {
        await using var writer = new TokenizedShardWriter(storage, directory, TokenizedShardMetadata.For(tokenizer),
            new TokenizedShardOptions { Prefix = Path.GetFileNameWithoutExtension(shard) });
        var ids = new List<int>(4096);
        await foreach (AnnotatedDocument document in ShardReader.ReadAnnotatedAsync(storage, shard, cancellationToken).ConfigureAwait(false))
        {
            if (document.FilterReason is not null
                || !removals.TryGetValue(DocumentIdentity.KeyOf(document.Id, document.SourcePath, document.SourceOffset), out ParagraphRemoval? removal)
                || removal.Emptied)
            {
                continue;
            }

            ids.Clear();
            tokenizer.EncodeDocument(ParagraphSplitter.Remove(document.Text, removal.Removed), ids);
            await writer.WriteAsync(new TokenizedDocument
            {
                Id = document.Id,
                Url = document.Url,
                InputIds = ids.ToArray(),
                SourcePath = document.SourcePath,
                SourceOffset = document.SourceOffset,
            }, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return writer.DocumentsWritten;
    }
}
