using System.IO.Hashing;
using System.Text;
using CurationPipeline.Outputs;
using CurationPipeline.Storage;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Training.Data;

/// <summary>The token streams a training run reads: one training stream and one validation stream per domain, each the
/// concatenation of its documents' ids in shard order (every document ends with its end-of-document id).</summary>
/// <remarks>
/// The streams are held in memory as <c>int</c> arrays (4 bytes per token): fine for ablation-sized data (≤ a few hundred
/// million tokens); larger corpora need a memory-mapped stream. Bad shards and documents are skipped and counted in
/// <see cref="Counters"/> under <see cref="TrainingReasons"/> codes.
/// </remarks>
public sealed class TrainingData
{
    private TrainingData(TokenizedShardMetadata metadata, int[] train, IReadOnlyDictionary<string, int[]> validation,
        IReadOnlyDictionary<string, long> counters)
    {
        Metadata = metadata;
        TrainTokens = train;
        ValidationTokens = validation;
        Counters = counters;
    }

    /// <summary>The tokenizer description shared by every accepted shard.</summary>
    public TokenizedShardMetadata Metadata { get; }

    /// <summary>The training token stream.</summary>
    public ReadOnlyMemory<int> TrainTokens { get; }

    /// <summary>The validation token stream of each domain (ordinal order of domain names).</summary>
    public IReadOnlyDictionary<string, int[]> ValidationTokens { get; }

    /// <summary>Counts: <c>shards</c>, <c>documents.train</c>, <c>documents.validation</c> and one entry per skip reason.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; }

    /// <summary>The cross-entropy (nats/token) of the training stream's unigram distribution: the loss of a model that ignores
    /// context, which a trained model must beat.</summary>
    public double UnigramLoss()
    {
        var counts = new Dictionary<int, long>();
        foreach (int token in TrainTokens.Span)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        double entropy = 0;
        foreach (long count in counts.Values)
        {
            double p = (double)count / TrainTokens.Length;
            entropy -= p * Math.Log(p);
        }

        return entropy;
    }

    /// <summary>Builds in-memory streams from token arrays (tests, benchmarks, synthetic data).</summary>
    /// <param name="metadata">The tokenizer description.</param>
    /// <param name="train">The training stream.</param>
    /// <param name="validation">The validation stream of each domain.</param>
    public static TrainingData FromTokens(TokenizedShardMetadata metadata, int[] train, IReadOnlyDictionary<string, int[]> validation)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        return new TrainingData(metadata, train, new SortedDictionary<string, int[]>(validation.ToDictionary(), StringComparer.Ordinal),
            new Dictionary<string, long>(StringComparer.Ordinal));
    }

    /// <summary>Reads the shards of <paramref name="options"/>.</summary>
    /// <param name="storage">Where the shards are.</param>
    /// <param name="options">The shard patterns and validation split; validated here.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="options"/> is out of range.</exception>
    /// <exception cref="InvalidDataException">No readable training shard, or no training tokens at all.</exception>
    public static async Task<TrainingData> LoadAsync(IStorage storage, TrainingDataOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var loader = new Loader(storage);
        ulong holdOutBelow = options.ValidationPattern is null ? (ulong)(options.ValidationFraction * ulong.MaxValue) : 0;
        foreach (string shard in storage.List(options.TrainPattern))
        {
            await loader.ReadShardAsync(shard, holdOutBelow, validationOnly: false, cancellationToken).ConfigureAwait(false);
        }

        if (options.ValidationPattern is not null)
        {
            foreach (string shard in storage.List(options.ValidationPattern))
            {
                await loader.ReadShardAsync(shard, 0, validationOnly: true, cancellationToken).ConfigureAwait(false);
            }
        }

        if (loader.Metadata is null || loader.Train.Count == 0)
        {
            throw new InvalidDataException($"No training tokens in '{options.TrainPattern}'.");
        }

        var validation = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (domain, tokens) in loader.Validation)
        {
            validation[domain] = [.. tokens];
        }

        return new TrainingData(loader.Metadata, [.. loader.Train], validation, loader.Counters);
    }

    /// <summary>Accumulates shards into streams.</summary>
    private sealed class Loader(IStorage storage)
    {
        public TokenizedShardMetadata? Metadata { get; private set; }

        public List<int> Train { get; } = [];

        public Dictionary<string, List<int>> Validation { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

        public async Task ReadShardAsync(string path, ulong holdOutBelow, bool validationOnly, CancellationToken cancellationToken)
        {
            TokenizedShardReader reader;
            try
            {
                reader = await TokenizedShardReader.OpenAsync(storage, path, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                Count(TrainingReasons.UnreadableShard);
                return;
            }

            await using (reader.ConfigureAwait(false))
            {
                Metadata ??= reader.Metadata;
                if (reader.Metadata != Metadata)
                {
                    Count(TrainingReasons.TokenizerMismatch);
                    return;
                }

                Count("shards");
                await foreach (TokenizedDocument document in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    Add(document, holdOutBelow, validationOnly);
                }
            }
        }

        private void Add(TokenizedDocument document, ulong holdOutBelow, bool validationOnly)
        {
            ReadOnlySpan<int> ids = document.InputIds.Span;
            if (ids.Length < 2)
            {
                Count(TrainingReasons.EmptyDocument);
                return;
            }

            int vocabulary = Metadata!.VocabularySize;
            foreach (int id in ids)
            {
                if ((uint)id >= (uint)vocabulary)
                {
                    Count(TrainingReasons.TokenOutOfRange);
                    return;
                }
            }

            if (validationOnly || (holdOutBelow > 0 && XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(document.Id)) < holdOutBelow))
            {
                if (!Validation.TryGetValue(document.Domain, out List<int>? stream))
                {
                    stream = [];
                    Validation[document.Domain] = stream;
                }

                stream.AddRange(ids);
                Count("documents.validation");
            }
            else
            {
                Train.AddRange(ids);
                Count("documents.train");
            }
        }

        private void Count(string key) => Counters[key] = Counters.GetValueOrDefault(key) + 1;
    }
}
