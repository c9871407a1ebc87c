using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CurationPipeline.Embeddings.Internal;
using CurationPipeline.Embeddings.Internal.Int8;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CurationPipeline.Embeddings;

/// <summary>
/// Sentence embeddings from an ONNX transformer encoder (BERT or RoBERTa family): tokenize, batch by length, run on CUDA when it
/// loads (CPU otherwise), mean-pool over the attention mask, L2-normalize.
/// </summary>
/// <remarks>
/// <para>Thread-safe; one instance (one ONNX session) serves the whole process. Dispose it to free the native session.</para>
/// <para><see cref="EmbedAsync{T}"/> overlaps the CPU and the model: tokenization and length sorting run ahead on one task and hand
/// padded batches to the model through a bounded queue (<see cref="EmbeddingOptions.QueueCapacityBatches"/>), which
/// <see cref="ParallelRuns"/> model workers drain. Results come out in batch order, not input order; with several runs, batches
/// interleave by timing, but the batches, and so the vectors, do not depend on it.</para>
/// </remarks>
public sealed class TextEmbedder : IDisposable
{
    private const int CpuBatchSize = 4;
    private const int CudaBatchSize = 32;

    private readonly OnnxEncoder _encoder;
    private readonly EmbeddingTokenizer _tokenizer;

    private TextEmbedder(EmbeddingOptions options, string modelDirectory, OnnxEncoder encoder, EmbeddingTokenizer tokenizer)
    {
        Options = options;
        ModelDirectory = modelDirectory;
        _encoder = encoder;
        _tokenizer = tokenizer;
        BatchSize = options.BatchSize > 0 ? options.BatchSize : encoder.ExecutionProvider == "CPU" ? CpuBatchSize : CudaBatchSize;
    }

    /// <summary>The options the embedder was built with.</summary>
    public EmbeddingOptions Options { get; }

    /// <summary>The directory the model and vocabulary were loaded from.</summary>
    public string ModelDirectory { get; }

    /// <summary>Length of every embedding.</summary>
    public int Dimension => _encoder.Dimension;

    /// <summary>The execution provider the session runs on: <c>"CUDA"</c> or <c>"CPU"</c>.</summary>
    public string ExecutionProvider => _encoder.ExecutionProvider;

    /// <summary>Documents per model call: <see cref="EmbeddingOptions.BatchSize"/>, or when 0, 4 on the CPU and 32 on CUDA.</summary>
    public int BatchSize { get; }

    /// <summary>Model calls in flight at once: <see cref="EmbeddingOptions.ParallelRuns"/>, or when 0, one per processor on the CPU and 1 on CUDA.</summary>
    public int ParallelRuns => _encoder.ParallelRuns;

    /// <summary>The precision the session runs in: <see cref="EmbeddingOptions.Precision"/> on the CPU, always <see cref="EmbeddingPrecision.Fp32"/> on CUDA.</summary>
    public EmbeddingPrecision Precision => ExecutionProvider == "CPU" ? Options.Precision : EmbeddingPrecision.Fp32;

    /// <summary>Loads the model and its tokenizer.</summary>
    /// <param name="options">Configuration; validated here.</param>
    /// <param name="logger">Receives the one CUDA fallback line and the load summary; <c>null</c> for none.</param>
    /// <returns>A ready embedder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="FileNotFoundException">The model or its vocabulary is missing.</exception>
    /// <exception cref="InvalidDataException">The graph is not an encoder this class can drive.</exception>
    public static TextEmbedder Create(EmbeddingOptions options, ILogger<TextEmbedder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ILogger log = logger ?? NullLogger<TextEmbedder>.Instance;
        string directory = options.ModelDirectory ?? DefaultEmbeddingModel.EnsureExtracted(options.ModelCacheDirectory);
        string model = Path.Combine(directory, EmbeddingModelFiles.Model);
        if (!File.Exists(model))
        {
            throw new FileNotFoundException($"Model directory '{directory}' has no {EmbeddingModelFiles.Model}.", model);
        }

        EmbeddingTokenizer tokenizer = EmbeddingTokenizer.Load(directory, options.LowerCase);
        Func<string> cpuModel = options.Precision == EmbeddingPrecision.Int8
            ? () => Int8ModelCache.EnsureDerived(model, options.ModelCacheDirectory ?? DefaultEmbeddingModel.DefaultCacheRoot(), Int8Recipe.Default)
            : () => model;
        var encoder = new OnnxEncoder(model, cpuModel, options, log);
        Log.ModelLoaded(log, encoder.ModelPath, encoder.ExecutionProvider, encoder.Dimension,
            string.Join(",", encoder.InputNames), encoder.OutputName, tokenizer.Family);
        return new TextEmbedder(options, directory, encoder, tokenizer);
    }

    /// <summary>Embeds a stream of items, batching by length; items whose text is blank come back with <see cref="EmbeddingReasons.EmptyText"/>.</summary>
    /// <typeparam name="T">The caller's item, carried through.</typeparam>
    /// <param name="items">The input; read once.</param>
    /// <param name="textOf">Selects the text to embed.</param>
    /// <param name="cancellationToken">Stops reading, tokenizing and running.</param>
    /// <returns>One <see cref="EmbeddedItem{T}"/> per input item, in batch order.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async IAsyncEnumerable<EmbeddedItem<T>> EmbedAsync<T>(
        IAsyncEnumerable<T> items, Func<T, string> textOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(textOf);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = linked.Token;
        Channel<PendingBatch<T>> toModel = Channel.CreateBounded<PendingBatch<T>>(
            new BoundedChannelOptions(Options.QueueCapacityBatches) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        Channel<EmbeddedItem<T>> results = Channel.CreateBounded<EmbeddedItem<T>>(
            new BoundedChannelOptions(BatchSize * (Options.QueueCapacityBatches + ParallelRuns)) { SingleReader = true });

        var tasks = new Task[1 + ParallelRuns];
        tasks[0] = CancelOnFailureAsync(() => ProduceAsync(items, textOf, toModel.Writer, results.Writer, token), linked);
        for (int i = 1; i < tasks.Length; i++)
        {
            tasks[i] = CancelOnFailureAsync(() => RunModelAsync(toModel.Reader, results.Writer, token), linked);
        }

        Task completion = CompleteResultsAsync(tasks, results.Writer, cancellationToken);
        try
        {
            // Read with the caller's token: a failure inside completes the channel with that failure, which surfaces here.
            await foreach (EmbeddedItem<T> item in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            // Stops the background tasks when the caller leaves early; a no-op after a normal end.
            await linked.CancelAsync().ConfigureAwait(false);
            await completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            DisposeQueued(toModel.Reader);
        }

        await completion.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _encoder.Dispose();

    private async Task ProduceAsync<T>(IAsyncEnumerable<T> items, Func<T, string> textOf,
        ChannelWriter<PendingBatch<T>> toModel, ChannelWriter<EmbeddedItem<T>> results, CancellationToken token)
    {
        int windowSize = BatchSize * Options.SortWindowBatches;
        var window = new List<PendingItem<T>>(windowSize);
        try
        {
            await foreach (T item in items.WithCancellation(token).ConfigureAwait(false))
            {
                string text = textOf(item);
                if (string.IsNullOrWhiteSpace(text))
                {
                    await results.WriteAsync(new EmbeddedItem<T>(item, null, 0, false, EmbeddingReasons.EmptyText), token).ConfigureAwait(false);
                    continue;
                }

                var ids = new List<int>(Math.Min(Options.MaxTokens, text.Length + 2));
                bool truncated = _tokenizer.Encode(text, Options.MaxTokens, ids);
                window.Add(new PendingItem<T>(item, ids, truncated));
                if (window.Count == windowSize)
                {
                    await FlushWindowAsync(window, toModel, token).ConfigureAwait(false);
                }
            }

            await FlushWindowAsync(window, toModel, token).ConfigureAwait(false);
        }
        finally
        {
            toModel.TryComplete();
        }
    }

    /// <summary>Sorts the window by token count and sends it on in batches, so each batch pads to a similar length.</summary>
    private async ValueTask FlushWindowAsync<T>(List<PendingItem<T>> window, ChannelWriter<PendingBatch<T>> toModel, CancellationToken token)
    {
        window.Sort(static (a, b) => a.Ids.Count.CompareTo(b.Ids.Count));
        for (int start = 0; start < window.Count; start += BatchSize)
        {
            PendingItem<T>[] members = window.GetRange(start, Math.Min(BatchSize, window.Count - start)).ToArray();
            var rows = new List<int>[members.Length];
            for (int i = 0; i < members.Length; i++)
            {
                rows[i] = members[i].Ids;
            }

            var batch = new PendingBatch<T>(members, new TokenBatch(rows, _tokenizer.PaddingId));
            try
            {
                await toModel.WriteAsync(batch, token).ConfigureAwait(false);
            }
            catch
            {
                batch.Tokens.Dispose();
                throw;
            }
        }

        window.Clear();
    }

    private async Task RunModelAsync<T>(ChannelReader<PendingBatch<T>> toModel, ChannelWriter<EmbeddedItem<T>> results, CancellationToken token)
    {
        await foreach (PendingBatch<T> batch in toModel.ReadAllAsync(token).ConfigureAwait(false))
        {
            float[] vectors;
            using (batch.Tokens)
            {
                vectors = new float[batch.Members.Length * Dimension];
                _encoder.Run(batch.Tokens, vectors);
            }

            for (int i = 0; i < batch.Members.Length; i++)
            {
                PendingItem<T> member = batch.Members[i];
                float[] vector = vectors.AsSpan(i * Dimension, Dimension).ToArray();
                await results.WriteAsync(new EmbeddedItem<T>(member.Item, vector, member.Ids.Count, member.Truncated, null), token)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs a stage on the pool; if it fails, cancels the others so none stays blocked on a queue.</summary>
    private static Task CancelOnFailureAsync(Func<Task> stage, CancellationTokenSource linked) => Task.Run(async () =>
    {
        try
        {
            await stage().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await linked.CancelAsync().ConfigureAwait(false);
            throw;
        }
    });

    /// <summary>Completes <paramref name="results"/> once every stage ends, with the first real failure if any, so the reader sees it.</summary>
    private static async Task CompleteResultsAsync<T>(Task[] stages, ChannelWriter<EmbeddedItem<T>> results, CancellationToken callerToken)
    {
        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        catch (Exception)
        {
            Exception failure = FirstFailure(stages) ?? new OperationCanceledException(callerToken);
            results.TryComplete(failure);
            throw failure;
        }

        results.TryComplete();
    }

    private static Exception? FirstFailure(Task[] stages)
    {
        foreach (Task stage in stages)
        {
            if (stage.IsFaulted && stage.Exception!.InnerException is { } inner and not OperationCanceledException)
            {
                return inner;
            }
        }

        return null;
    }

    private static void DisposeQueued<T>(ChannelReader<PendingBatch<T>> reader)
    {
        while (reader.TryRead(out PendingBatch<T>? batch))
        {
            batch.Tokens.Dispose();
        }
    }

    private sealed record PendingItem<T>(T Item, List<int> Ids, bool Truncated);

    private sealed record PendingBatch<T>(PendingItem<T>[] Members, TokenBatch Tokens);
}
