using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CurationPipeline.Embeddings.Internal;

/// <summary>
/// An ONNX transformer encoder run as a sentence embedder: feeds the inputs the graph declares, mean-pools its
/// <c>[batch, sequence, hidden]</c> output over the attention mask and L2-normalizes.
/// </summary>
/// <remarks><see cref="Run"/> is thread-safe (ONNX Runtime sessions allow concurrent <c>Run</c> calls).</remarks>
internal sealed class OnnxEncoder : IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly bool _takesMask;
    private readonly bool _takesTokenTypes;
    private readonly string[] _outputNames;
    private readonly string[] _inputNames;

    /// <summary>Loads <paramref name="modelPath"/>, trying CUDA first when <see cref="EmbeddingOptions.UseCuda"/> is set.</summary>
    /// <param name="modelPath">The exported graph, run on CUDA.</param>
    /// <param name="cpuModelPath">Gives the graph to run on the CPU (the same, or a derived variant); called only when the CPU is used.</param>
    /// <param name="options">Provider and thread settings.</param>
    /// <param name="logger">Receives the CUDA fallback line.</param>
    /// <exception cref="InvalidDataException">The graph has an input other than input_ids, attention_mask, token_type_ids, or no 3-d float output.</exception>
    public OnnxEncoder(string modelPath, Func<string> cpuModelPath, EmbeddingOptions options, ILogger logger)
    {
        (_session, _sessionOptions, ExecutionProvider, ModelPath) = CreateSession(modelPath, cpuModelPath, options, logger);
        ParallelRuns = RunsOn(ExecutionProvider, options);
        try
        {
            var inputs = new List<string>();
            foreach (string name in _session.InputMetadata.Keys)
            {
                if (name is not (InputIds or AttentionMask or TokenTypeIds))
                {
                    throw new InvalidDataException(
                        $"Model '{modelPath}' has input '{name}'; an encoder may only take {InputIds}, {AttentionMask} and {TokenTypeIds}.");
                }

                inputs.Add(name);
            }

            if (!inputs.Contains(InputIds))
            {
                throw new InvalidDataException($"Model '{modelPath}' has no '{InputIds}' input.");
            }

            _takesMask = inputs.Contains(AttentionMask);
            _takesTokenTypes = inputs.Contains(TokenTypeIds);
            _inputNames = [.. inputs];
            (OutputName, Dimension) = FindHiddenStateOutput(_session, modelPath);
            _outputNames = [OutputName];
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>"CUDA" or "CPU".</summary>
    public string ExecutionProvider { get; }

    /// <summary><see cref="EmbeddingOptions.ParallelRuns"/> resolved for <see cref="ExecutionProvider"/>.</summary>
    public int ParallelRuns { get; }

    /// <summary>The graph the session runs.</summary>
    public string ModelPath { get; }

    /// <summary>The pooled vector length (hidden size).</summary>
    public int Dimension { get; }

    /// <summary>The graph output that is pooled.</summary>
    public string OutputName { get; }

    /// <summary>The graph inputs, in metadata order.</summary>
    public IReadOnlyList<string> InputNames => _inputNames;

    /// <summary>Runs <paramref name="batch"/> and writes one normalized vector per row into <paramref name="destination"/> (<c>Count × Dimension</c>).</summary>
    public void Run(TokenBatch batch, Span<float> destination)
    {
        long[] shape = [batch.Count, batch.SequenceLength];
        long[]? typeIds = null;
        var values = new List<OrtValue>(3);
        try
        {
            foreach (string name in _inputNames)
            {
                Memory<long> data;
                if (name == InputIds)
                {
                    data = batch.Ids;
                }
                else if (name == AttentionMask)
                {
                    data = batch.Mask;
                }
                else
                {
                    typeIds = ArrayPool<long>.Shared.Rent(batch.Ids.Length);
                    data = typeIds.AsMemory(0, batch.Ids.Length);
                    data.Span.Clear();
                }

                values.Add(OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, data, shape));
            }

            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(runOptions, _inputNames, values, _outputNames);
            Pool(outputs[0], batch, destination);
        }
        finally
        {
            foreach (OrtValue value in values)
            {
                value.Dispose();
            }

            if (typeIds is not null)
            {
                ArrayPool<long>.Shared.Return(typeIds);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    private void Pool(OrtValue output, TokenBatch batch, Span<float> destination)
    {
        long[] outShape = output.GetTensorTypeAndShape().Shape;
        if (outShape.Length != 3 || outShape[0] != batch.Count || outShape[1] != batch.SequenceLength || outShape[2] != Dimension)
        {
            throw new InvalidDataException(
                $"Output '{OutputName}' has shape [{string.Join(", ", outShape)}], expected [{batch.Count}, {batch.SequenceLength}, {Dimension}].");
        }

        ReadOnlySpan<float> hidden = output.GetTensorDataAsSpan<float>();
        int rowStride = batch.SequenceLength * Dimension;
        for (int i = 0; i < batch.Count; i++)
        {
            Span<float> vector = destination.Slice(i * Dimension, Dimension);
            ReadOnlySpan<float> row = hidden.Slice(i * rowStride, rowStride);
            int length = batch.Lengths[i];
            vector.Clear();
            for (int t = 0; t < length; t++)
            {
                TensorPrimitives.Add(vector, row.Slice(t * Dimension, Dimension), vector);
            }

            // Mean then L2: the 1/length factor cancels in the normalization, so only the norm is divided out.
            float norm = TensorPrimitives.Norm(vector);
            if (norm > 0f)
            {
                TensorPrimitives.Multiply(vector, 1f / norm, vector);
            }
        }
    }

    /// <summary>Runs in flight: as configured, else one per processor on the CPU (one thread each) and one on CUDA.</summary>
    private static int RunsOn(string provider, EmbeddingOptions options) =>
        options.ParallelRuns > 0 ? options.ParallelRuns : provider == "CPU" ? Environment.ProcessorCount : 1;

    private static int ThreadsOn(string provider, EmbeddingOptions options) =>
        options.IntraOpThreads > 0 ? options.IntraOpThreads : Math.Max(1, Environment.ProcessorCount / RunsOn(provider, options));

    private static (InferenceSession Session, SessionOptions Options, string Provider, string ModelPath) CreateSession(
        string modelPath, Func<string> cpuModelPath, EmbeddingOptions options, ILogger logger)
    {
        if (options.UseCuda)
        {
            SessionOptions? cuda = null;
            try
            {
                cuda = CreateSessionOptions(ThreadsOn("CUDA", options));
                cuda.AppendExecutionProvider_CUDA(options.CudaDeviceId);
                return (new InferenceSession(modelPath, cuda), cuda, "CUDA", modelPath);
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                // GetAvailableProviders() lists CUDA even without its libraries, so the only test is trying (notes/dependencies.md §3).
                cuda?.Dispose();
                Log.CudaFallback(logger, options.CudaDeviceId, ex.Message, ex);
            }
        }

        string cpuModel = cpuModelPath();
        SessionOptions cpu = CreateSessionOptions(ThreadsOn("CPU", options));
        try
        {
            return (new InferenceSession(cpuModel, cpu), cpu, "CPU", cpuModel);
        }
        catch
        {
            cpu.Dispose();
            throw;
        }
    }

    private static SessionOptions CreateSessionOptions(int threads) => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        IntraOpNumThreads = threads,
        InterOpNumThreads = 1,
    };

    private static (string Name, int Dimension) FindHiddenStateOutput(InferenceSession session, string modelPath)
    {
        (string Name, int Dimension)? first = null;
        foreach (KeyValuePair<string, NodeMetadata> output in session.OutputMetadata)
        {
            int[] dims = output.Value.Dimensions;
            if (output.Value.ElementDataType != TensorElementType.Float || dims.Length != 3 || dims[2] <= 0)
            {
                continue;
            }

            if (output.Key == "last_hidden_state")
            {
                return (output.Key, dims[2]);
            }

            first ??= (output.Key, dims[2]);
        }

        return first ?? throw new InvalidDataException(
            $"Model '{modelPath}' has no float output of shape [batch, sequence, hidden] with a fixed hidden size.");
    }
}
