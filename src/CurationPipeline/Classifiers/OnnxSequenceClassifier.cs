using CurationPipeline.Embeddings.Internal;
using Microsoft.ML.OnnxRuntime;

namespace CurationPipeline.Classifiers;

/// <summary>
/// A plug-in ONNX sequence classifier: tokenizes the text (BERT WordPiece or RoBERTa byte-level BPE), runs the graph on
/// the CPU, and turns the logits into a score (<see cref="OnnxOutputKind"/>).
/// </summary>
/// <remarks>Thread-safe (ONNX Runtime sessions allow concurrent runs). Dispose it to free the native session.</remarks>
public sealed class OnnxSequenceClassifier : IDocumentClassifier, IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly EmbeddingTokenizer _tokenizer;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    private OnnxSequenceClassifier(OnnxClassifierOptions options, InferenceSession session, SessionOptions sessionOptions, EmbeddingTokenizer tokenizer, string[] inputs, string output, int labels)
    {
        Options = options;
        _session = session;
        _sessionOptions = sessionOptions;
        _tokenizer = tokenizer;
        _inputNames = inputs;
        _outputNames = [output];
        LabelCount = labels;
    }

    /// <inheritdoc/>
    public string Name => Options.Name;

    /// <summary>The options the classifier was built with.</summary>
    public OnnxClassifierOptions Options { get; }

    /// <summary>Number of logits the model outputs.</summary>
    public int LabelCount { get; }

    /// <summary>Loads the model and its tokenizer.</summary>
    /// <param name="options">Configuration; validated here.</param>
    /// <returns>A ready classifier.</returns>
    /// <exception cref="ArgumentException">A required option is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or <see cref="OnnxClassifierOptions.LabelIndex"/> is not below the logit count.</exception>
    /// <exception cref="FileNotFoundException">The model or the tokenizer is missing.</exception>
    /// <exception cref="InvalidDataException">The file is not a model ONNX Runtime loads, or its inputs or output are not a sequence classifier's.</exception>
    public static OnnxSequenceClassifier Create(OnnxClassifierOptions options)
    {
        options.Validate();
        if (!File.Exists(options.ModelPath))
        {
            throw new FileNotFoundException($"ONNX classifier model {options.ModelPath} not found.", options.ModelPath);
        }

        EmbeddingTokenizer tokenizer = EmbeddingTokenizer.Load(options.TokenizerDirectory ?? Path.GetDirectoryName(Path.GetFullPath(options.ModelPath))!, options.LowerCase);
        var sessionOptions = new SessionOptions { IntraOpNumThreads = options.IntraOpThreads, InterOpNumThreads = 1 };
        InferenceSession? session = null;
        try
        {
            try
            {
                session = new InferenceSession(options.ModelPath, sessionOptions);
            }
            catch (OnnxRuntimeException e)
            {
                throw new InvalidDataException($"ONNX classifier {options.ModelPath} does not load: {e.Message}", e);
            }

            string[] inputs = [.. session.InputMetadata.Keys];
            if (!inputs.Contains(InputIds) || inputs.Any(i => i is not (InputIds or AttentionMask or TokenTypeIds)))
            {
                throw new InvalidDataException($"ONNX classifier {options.ModelPath} has inputs {string.Join(", ", inputs)}; expected {InputIds} and optionally {AttentionMask}, {TokenTypeIds}.");
            }

            string output = options.OutputName ?? session.OutputMetadata.Keys.First();
            if (!session.OutputMetadata.TryGetValue(output, out NodeMetadata? metadata) || metadata.Dimensions.Length != 2 || metadata.Dimensions[1] <= 0)
            {
                throw new InvalidDataException($"ONNX classifier {options.ModelPath}: output '{output}' is not float [batch, labels] with a fixed label count.");
            }

            int labels = metadata.Dimensions[1];
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.LabelIndex, labels, nameof(options.LabelIndex));
            var classifier = new OnnxSequenceClassifier(options, session, sessionOptions, tokenizer, inputs, output, labels);
            session = null;
            return classifier;
        }
        finally
        {
            if (session is not null)
            {
                session.Dispose();
                sessionOptions.Dispose();
            }
        }
    }

    /// <inheritdoc/>
    public int PreferredBatchSize => Options.BatchSize;

    /// <inheritdoc/>
    public double Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<double> score = stackalloc double[1];
        ScoreBatch([text], score);
        return score[0];
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Documents with the same token count run together, up to <see cref="OnnxClassifierOptions.BatchSize"/> documents and
    /// <see cref="OnnxClassifierOptions.BatchTokens"/> tokens per call, and nothing is padded: a document's inputs are then the same tensor row whatever shares its call, so its score does not
    /// depend on its batch (tested bit for bit).
    /// </remarks>
    public void ScoreBatch(ReadOnlySpan<string> texts, Span<double> scores)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, texts.Length, nameof(scores));
        var rows = new List<int>[texts.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(texts[i], nameof(texts));
            rows[i] = new List<int>(Math.Min(Options.MaxTokens, (texts[i].Length / 3) + 2));
            _tokenizer.Encode(texts[i], Options.MaxTokens, rows[i]);
        }

        int[] order = [.. Enumerable.Range(0, rows.Length).OrderBy(i => rows[i].Count)];
        for (int start = 0; start < order.Length;)
        {
            int length = rows[order[start]].Count;
            int most = Math.Clamp(Options.BatchTokens / length, 1, Options.BatchSize);
            int end = start + 1;
            while (end < order.Length && end - start < most && rows[order[end]].Count == length)
            {
                end++;
            }

            Run(rows, order.AsSpan(start, end - start), length, scores);
            start = end;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    /// <summary>One model call over the rows <paramref name="members"/>, all <paramref name="length"/> tokens long.</summary>
    private void Run(List<int>[] rows, ReadOnlySpan<int> members, int length, Span<double> scores)
    {
        long[] shape = [members.Length, length];
        var values = new OrtValue[_inputNames.Length];
        try
        {
            for (int i = 0; i < _inputNames.Length; i++)
            {
                var data = new long[members.Length * length];
                for (int r = 0; r < members.Length; r++)
                {
                    List<int> ids = rows[members[r]];
                    for (int t = 0; t < length; t++)
                    {
                        data[(r * length) + t] = _inputNames[i] switch { InputIds => ids[t], AttentionMask => 1, _ => 0 };
                    }
                }

                values[i] = OrtValue.CreateTensorValueFromMemory(data, shape);
            }

            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(runOptions, _inputNames, values, _outputNames);
            ReadOnlySpan<float> logits = outputs[0].GetTensorDataAsSpan<float>();
            if (logits.Length != members.Length * LabelCount)
            {
                throw new InvalidDataException($"ONNX classifier {Options.ModelPath} returned {logits.Length} values for {members.Length} documents of {LabelCount} labels.");
            }

            for (int r = 0; r < members.Length; r++)
            {
                scores[members[r]] = FromLogits(logits.Slice(r * LabelCount, LabelCount));
            }
        }
        finally
        {
            foreach (OrtValue? value in values)
            {
                value?.Dispose();
            }
        }
    }

    private double FromLogits(ReadOnlySpan<float> logits)
    {
        double chosen = logits[Options.LabelIndex];
        switch (Options.OutputKind)
        {
            case OnnxOutputKind.Regression:
                return chosen;
            case OnnxOutputKind.Sigmoid:
                return NgramClassifier.Sigmoid(chosen);
            default:
                double max = double.NegativeInfinity;
                foreach (float z in logits)
                {
                    max = Math.Max(max, z);
                }

                double sum = 0;
                foreach (float z in logits)
                {
                    sum += Math.Exp(z - max);
                }

                return Math.Exp(chosen - max) / sum;
        }
    }
}
