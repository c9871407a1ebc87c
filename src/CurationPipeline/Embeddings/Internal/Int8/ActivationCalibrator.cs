using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>
/// The largest magnitude each channel of some intermediate tensors reaches, from running the float graph on the CPU over
/// seeded random token sequences: transformer encoders carry a few channels (the same ones for every token and every
/// text) that are an order of magnitude larger than the rest, and these are what the int8 recipe keeps in float.
/// </summary>
internal static class ActivationCalibrator
{
    private const int Sequences = 8;
    private const int SequenceLength = 64;
    private const int Seed = 8;

    // Ordinary word pieces in BERT (WordPiece) and RoBERTa (byte-level BPE) vocabularies alike; no special tokens.
    private const int FirstTokenId = 1000;
    private const int EndTokenId = 5000;

    /// <summary>Per tensor in <paramref name="tensors"/>: the largest |value| of each channel (last axis), and the smallest value.</summary>
    /// <param name="model">The float model; not modified.</param>
    /// <param name="tensors">Names of float tensors computed by the graph.</param>
    /// <returns>The statistics of each name.</returns>
    public static Dictionary<string, ChannelStatistics> Measure(ModelProto model, IReadOnlyList<string> tensors)
    {
        ModelProto probe = model.Clone();
        foreach (string name in tensors)
        {
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }

        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(probe.ToByteArray(), options);
        string[] inputs = [.. session.InputMetadata.Keys];
        var statistics = new Dictionary<string, ChannelStatistics>();
        var random = new Random(Seed);
        long[] shape = [1, SequenceLength];
        for (int sequence = 0; sequence < Sequences; sequence++)
        {
            long[] ids = [.. Enumerable.Range(0, SequenceLength).Select(_ => (long)random.Next(FirstTokenId, EndTokenId))];
            long[] ones = [.. Enumerable.Repeat(1L, SequenceLength)];
            long[] zeros = new long[SequenceLength];
            OrtValue[] values = [.. inputs.Select(name => OrtValue.CreateTensorValueFromMemory(
                name == "input_ids" ? ids : name == "attention_mask" ? ones : zeros, shape))];
            try
            {
                using var runOptions = new RunOptions();
                using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, inputs, values, [.. tensors]);
                for (int i = 0; i < tensors.Count; i++)
                {
                    Accumulate(statistics, tensors[i], outputs[i]);
                }
            }
            finally
            {
                foreach (OrtValue value in values)
                {
                    value.Dispose();
                }
            }
        }

        return statistics;
    }

    private static void Accumulate(Dictionary<string, ChannelStatistics> statistics, string name, OrtValue output)
    {
        long[] shape = output.GetTensorTypeAndShape().Shape;
        int channels = checked((int)shape[^1]);
        ChannelStatistics known = statistics.GetValueOrDefault(name) ?? new ChannelStatistics(new float[channels], float.MaxValue);
        ReadOnlySpan<float> data = output.GetTensorDataAsSpan<float>();
        float min = known.Min;
        for (int i = 0; i < data.Length; i++)
        {
            int channel = i % channels;
            known.AbsMax[channel] = Math.Max(known.AbsMax[channel], Math.Abs(data[i]));
            min = Math.Min(min, data[i]);
        }

        statistics[name] = known with { Min = min };
    }
}

/// <summary>What calibration saw of one tensor.</summary>
/// <param name="AbsMax">The largest |value| of each channel.</param>
/// <param name="Min">The smallest value of any channel.</param>
internal sealed record ChannelStatistics(float[] AbsMax, float Min)
{
    /// <summary>
    /// The shift that makes the tensor (nearly) non-negative when its negative side is small against its typical channel
    /// (GELU's floor is −0.17): quantizing <c>x + shift</c> on [0, max] then spends all 255 levels on the values that occur,
    /// twice the resolution of a symmetric grid. <c>null</c> when the tensor is two-sided.
    /// </summary>
    public float? OneSidedShift()
    {
        float[] sorted = [.. AbsMax.Order()];
        float typical = sorted[sorted.Length / 2];
        return Min >= 0 ? 0f : -Min <= 0.25f * typical ? -Min : null;
    }
}
