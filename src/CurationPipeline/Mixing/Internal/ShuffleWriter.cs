using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Mixing.Internal;

/// <summary>
/// Writes a <see cref="SamplePlan"/> with a two-stage shuffle. Stage 1 streams the tokenized shards once and appends every
/// training copy to one of B bucket files chosen by a seeded hash of its identity and copy number (validation documents go to
/// their own file). Stage 2 loads one bucket at a time (about <see cref="MixOptions.ShuffleBucketTokens"/> tokens), orders it by
/// a seeded hash of identity and copy (a shuffle that does not depend on the order the copies arrived in) and writes it out, so
/// memory is one bucket whatever the mix size. The output bytes depend only on the tagged rows and the options, never on which
/// shard or row holds a document.
/// </summary>
internal sealed class ShuffleWriter(IStorage storage, MixOptions options, Catalog catalog, SamplePlan plan)
{
    public const string TrainFolder = "train";
    public const string ValidationFolder = "validation";
    public const string BinFolder = "bin";
    public const string MegatronFolder = "megatron";

    /// <summary>Every folder a mix writes its output files to.</summary>
    public static readonly IReadOnlyList<string> OutputFolders = [TrainFolder, ValidationFolder, BinFolder, MegatronFolder];
    /// <summary>The most bucket files open at once in stage 1 (64 KiB of write buffer each).</summary>
    public const int MaxBuckets = 4096;

    /// <summary>Scratch of stage 1, removed when the mix ends (and before a mix starts, in case a killed one left it).</summary>
    public const string SpillFolder = ".shuffle";

    /// <summary>Separate the bucket choice and the in-bucket order from each other and from sampling.</summary>
    private const long BucketPurpose = 1;
    private const long ShufflePurpose = 2;

    public async Task<MixTally> WriteAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        int buckets = (int)Math.Clamp((plan.PlannedTokens + options.ShuffleBucketTokens - 1) / options.ShuffleBucketTokens, 1, MaxBuckets);
        string spill = storage.ScratchDirectory(outputDirectory, SpillFolder); // local disk even for a remote output
        string[] bucketPaths = [.. Enumerable.Range(0, buckets).Select(b => storage.Combine(spill, $"bucket-{b:D5}.bin"))];
        string validationPath = storage.Combine(spill, "validation.bin");
        try
        {
            await SpillAsync(bucketPaths, validationPath, cancellationToken).ConfigureAwait(false);
            var tally = new MixTally(catalog.DomainNames.Count);
            await WriteValidationAsync(outputDirectory, validationPath, tally, cancellationToken).ConfigureAwait(false);
            await WriteTrainingAsync(outputDirectory, bucketPaths, tally, cancellationToken).ConfigureAwait(false);
            return tally;
        }
        finally
        {
            foreach (string path in (IEnumerable<string>)[.. bucketPaths, validationPath])
            {
                storage.Delete(path);
            }

            storage.DeleteEmptyDirectory(spill);
        }
    }

    private async Task SpillAsync(string[] bucketPaths, string validationPath, CancellationToken cancellationToken)
    {
        var files = new AtomicWrite[bucketPaths.Length + 1];
        var writers = new BinaryWriter[files.Length];
        try
        {
            for (int b = 0; b < files.Length; b++)
            {
                files[b] = storage.CreateAtomic(b < bucketPaths.Length ? bucketPaths[b] : validationPath);
                writers[b] = new BinaryWriter(new BufferedStream(files[b].Stream, 1 << 16), System.Text.Encoding.UTF8, leaveOpen: false);
            }

            BinaryWriter validation = writers[^1];
            List<CatalogEntry> entries = catalog.Entries;
            int next = 0;
            for (int shard = 0; shard < catalog.TokenizedShards.Count && next < entries.Count; shard++)
            {
                await using TokenizedShardReader reader = await TokenizedShardReader.OpenAsync(storage, catalog.TokenizedShards[shard], cancellationToken).ConfigureAwait(false);
                int row = 0;
                await foreach (TokenizedDocument document in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    for (; next < entries.Count && entries[next].Shard == shard && entries[next].Row == row; next++)
                    {
                        CatalogEntry entry = entries[next];
                        byte copies = plan.Copies[next];
                        if (copies == SamplePlan.Validation)
                        {
                            BucketFile.Write(validation, entry.Domain, document, copy: 0);
                            continue;
                        }

                        for (int copy = 0; copy < copies; copy++)
                        {
                            int bucket = (int)(DocumentKey.Mix(options.Seed, entry.Key, copy, BucketPurpose) % (ulong)bucketPaths.Length);
                            BucketFile.Write(writers[bucket], entry.Domain, document, copy);
                        }
                    }

                    row++;
                }
            }

            for (int b = 0; b < files.Length; b++)
            {
                writers[b].Flush();
                await files[b].CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (AtomicWrite? file in files)
            {
                if (file is not null)
                {
                    await file.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private async Task WriteValidationAsync(string outputDirectory, string validationPath, MixTally tally, CancellationToken cancellationToken)
    {
        // A fixed order, by domain then id: the same for every mix of the same data.
        List<SpilledDocument> documents = ReadBucket(validationPath);
        
        documents.Sort(static (a, b) => a.Domain != b.Domain ? a.Domain.CompareTo(b.Domain) : SpilledDocument.CompareIdentity(a, b));
        await WriteDocumentsAsync(outputDirectory, ValidationFolder, "mix_val", 0, documents, tally.ValidationTokens, tally.ValidationDocuments, tally, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task WriteTrainingAsync(string outputDirectory, string[] bucketPaths, MixTally tally, CancellationToken cancellationToken)
    {
        await using TokenizedShardWriter parquet = CreateParquetWriter(outputDirectory, TrainFolder);
        await using TokenFileWriters bin = CreateTokenFileWriters(outputDirectory, "mix_train", firstLlmcIndex: 1);
        for (int b = 0; b < bucketPaths.Length; b++)
        {
            List<SpilledDocument> documents = ReadBucket(bucketPaths[b]);
            storage.Delete(bucketPaths[b]);
            Shuffle(documents);

            await WriteRowsAsync(parquet, bin, documents, tally.TrainTokens, tally.TrainDocuments, cancellationToken).ConfigureAwait(false);
        }

        await CompleteAsync(parquet, bin, tally, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Orders a bucket by a seeded hash of each copy's identity, ties by identity: the same rows give the same order.</summary>
    private void Shuffle(List<SpilledDocument> documents)
    {
        var keyed = new (ulong Order, SpilledDocument Document)[documents.Count];
        for (int i = 0; i < keyed.Length; i++)
        {
            keyed[i] = (DocumentKey.Mix(options.Seed, documents[i].Key, documents[i].Copy, ShufflePurpose), documents[i]);
        }

        Array.Sort(keyed, static (a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : SpilledDocument.CompareIdentity(a.Document, b.Document));
        for (int i = 0; i < keyed.Length; i++)
        {
            documents[i] = keyed[i].Document;
        }
    }

    private async Task WriteDocumentsAsync(string outputDirectory, string folder, string binPrefix, int firstBinIndex, List<SpilledDocument> documents,
        long[] tokens, long[] counts, MixTally tally, CancellationToken cancellationToken)
    {
        await using TokenizedShardWriter parquet = CreateParquetWriter(outputDirectory, folder);
        await using TokenFileWriters bin = CreateTokenFileWriters(outputDirectory, binPrefix, firstBinIndex);
        await WriteRowsAsync(parquet, bin, documents, tokens, counts, cancellationToken).ConfigureAwait(false);
        await CompleteAsync(parquet, bin, tally, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteRowsAsync(TokenizedShardWriter parquet, TokenFileWriters bin, List<SpilledDocument> documents, long[] tokens, long[] counts,
        CancellationToken cancellationToken)
    {
        foreach (SpilledDocument document in documents)
        {
            await parquet.WriteAsync(new TokenizedDocument
            {
                Id = document.Id,
                Url = document.Url,
                InputIds = document.InputIds,
                SourcePath = document.SourcePath,
                SourceOffset = document.SourceOffset,
                Domain = catalog.DomainNames[document.Domain],
            }, cancellationToken).ConfigureAwait(false);
            await bin.WriteAsync(document.InputIds, cancellationToken).ConfigureAwait(false);

            tokens[document.Domain] += document.InputIds.Length;
            counts[document.Domain]++;
        }
    }

    private static async Task CompleteAsync(TokenizedShardWriter parquet, TokenFileWriters bin, MixTally tally, CancellationToken cancellationToken)
    {
        tally.Files.AddRange(await parquet.CompleteAsync(cancellationToken).ConfigureAwait(false));
        await bin.CompleteAsync(cancellationToken).ConfigureAwait(false);
        tally.Files.AddRange(bin.Committed);
    }

    private List<SpilledDocument> ReadBucket(string path)
    {
        using Stream stream = storage.OpenRead(path);
        return BucketFile.ReadAll(stream, path);
    }

    private TokenizedShardWriter CreateParquetWriter(string outputDirectory, string folder) =>
        new(storage, storage.Combine(outputDirectory, folder), catalog.Metadata,
            new TokenizedShardOptions { Prefix = folder, MaxTokensPerShard = options.TokensPerShard });

    /// <summary>The enabled token-file formats of one split: llm.c shards <c>{prefix}_{index:D6}.bin</c>, Megatron <c>{prefix}.bin/.idx</c>.</summary>
    private TokenFileWriters CreateTokenFileWriters(string outputDirectory, string prefix, int firstLlmcIndex)
    {
        var writers = new List<ITokenFileWriter>(2);
        if (options.LlmcBin)
        {
            writers.Add(new LlmcBinWriter(storage, storage.Combine(outputDirectory, BinFolder), prefix, firstLlmcIndex, options.LlmcTokensPerShard,
                catalog.Metadata.VocabularySize, catalog.Metadata.EndOfDocumentId));
        }

        if (options.MegatronBin)
        {
            writers.Add(new MegatronIndexedWriter(storage, storage.Combine(outputDirectory, MegatronFolder), prefix, catalog.Metadata.VocabularySize));
        }

        return new TokenFileWriters(writers);
    }
}
