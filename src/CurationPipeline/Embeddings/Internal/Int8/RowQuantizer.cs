using System.Runtime.InteropServices;
using Onnx;
using static CurationPipeline.Embeddings.Internal.Int8.OnnxNodes;
using DataType = Onnx.TensorProto.Types.DataType;

namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>
/// The nodes that quantize a product input per row (token): <c>s = max(|x|) / 127</c>, <c>q = QuantizeLinear(x / s, 1, 128)</c>;
/// outlier channels are zeroed for int8 and gathered apart for the float path; a one-sided input is quantized as
/// <c>x + shift</c> on [0, 255] with zero point 0. Each input is quantized once, however many products read it.
/// </summary>
/// <param name="graph">The graph receiving the constants.</param>
/// <param name="prefix">The prefix of every name added.</param>
internal sealed class RowQuantizer(GraphProto graph, string prefix)
{
    private readonly GraphProto _graph = graph;
    private readonly string _prefix = prefix;
    private readonly Dictionary<string, QuantizedInput> _done = [];

    private string One => _prefix + "one";

    private string ZeroPoint => _prefix + "zero_point_128";

    private string Levels => _prefix + "levels_127";

    private string Tiny => _prefix + "tiny";

    private string UnsignedZeroPoint => _prefix + "zero_point_0";

    private string UnsignedLevels => _prefix + "levels_255";

    /// <summary>Adds (once per input) the nodes that quantize <paramref name="x"/> per row, outlier channels zeroed and gathered apart.</summary>
    /// <param name="x">The product input.</param>
    /// <param name="channels">Its channel count (last axis).</param>
    /// <param name="outlierChannels">Gives the channels to keep in float; called once per input.</param>
    /// <param name="shift">Quantize <c>x + shift</c> on an unsigned grid (see <see cref="ChannelStatistics.OneSidedShift"/>); <c>null</c> for a symmetric grid.</param>
    /// <param name="nodes">The graph's nodes in order; the new ones are appended.</param>
    public QuantizedInput Quantize(string x, int channels, Func<int[]> outlierChannels, float? shift, List<NodeProto> nodes)
    {
        if (_done.TryGetValue(x, out QuantizedInput? done))
        {
            return done;
        }

        string p = _prefix + x + "/";
        int[] outliers = outlierChannels();
        string inlier = x;
        string outlierValues = "";
        if (outliers.Length > 0)
        {
            var mask = new float[channels];
            mask.AsSpan().Fill(1f);
            long[] indices = new long[outliers.Length];
            for (int i = 0; i < outliers.Length; i++)
            {
                mask[outliers[i]] = 0f;
                indices[i] = outliers[i];
            }

            _graph.Initializer.Add(Float(p + "inlier_mask", mask, channels));
            _graph.Initializer.Add(Tensor(p + "outlier_channels", DataType.Int64, MemoryMarshal.AsBytes(indices.AsSpan()), indices.Length));
            NodeProto gather = Node("Gather", p + "outliers", [x, p + "outlier_channels"], p + "outliers");
            gather.Attribute.Add(Int("axis", -1));
            nodes.Add(gather);
            nodes.Add(Node("Mul", p + "inliers", [x, p + "inlier_mask"], p + "inliers"));
            inlier = p + "inliers";
            outlierValues = p + "outliers";
        }

        string magnitude = p + "abs";
        if (shift is > 0f and var amount)
        {
            // One-sided: x + shift ≥ 0 (below it saturates to 0), so the row maximum is the range and all 255 levels are used.
            _graph.Initializer.Add(Float(p + "shift", [amount]));
            nodes.Add(Node("Add", p + "shifted", [inlier, p + "shift"], p + "shifted"));
            inlier = magnitude = p + "shifted";
        }
        else if (shift is null)
        {
            nodes.Add(Node("Abs", p + "abs", [inlier], p + "abs"));
        }
        else
        {
            magnitude = inlier; // non-negative already
        }

        NodeProto reduce = Node("ReduceMax", p + "absmax", [magnitude], p + "absmax");
        reduce.Attribute.Add(Ints("axes", -1));
        reduce.Attribute.Add(Int("keepdims", 1));
        nodes.Add(reduce);
        nodes.Add(Node("Max", p + "range", [p + "absmax", Tiny], p + "range"));
        nodes.Add(Node("Div", p + "scale", [p + "range", shift is null ? Levels : UnsignedLevels], p + "scale"));
        nodes.Add(Node("Div", p + "scaled", [inlier, p + "scale"], p + "scaled"));
        string zeroPoint = shift is null ? ZeroPoint : UnsignedZeroPoint;
        nodes.Add(Node("QuantizeLinear", p + "quantized", [p + "scaled", One, zeroPoint], p + "quantized"));
        return _done[x] = new QuantizedInput(p + "quantized", p + "scale", zeroPoint, shift ?? 0f, outliers, outlierValues);
    }

    /// <summary>Adds the shared constants, once, if any input was quantized.</summary>
    public void AddConstants()
    {
        if (_done.Count == 0)
        {
            return;
        }

        _graph.Initializer.Add(Float(One, [1f]));
        _graph.Initializer.Add(Float(Levels, [127f]));
        _graph.Initializer.Add(Float(Tiny, [1e-12f]));
        _graph.Initializer.Add(Tensor(ZeroPoint, DataType.Uint8, [128]));
        _graph.Initializer.Add(Float(UnsignedLevels, [255f]));
        _graph.Initializer.Add(Tensor(UnsignedZeroPoint, DataType.Uint8, [0]));
    }
}

/// <summary>A product input after per-row quantization: the uint8 values, row scales and zero point of its inlier channels, its shift, and its outlier channels.</summary>
internal sealed record QuantizedInput(string Quantized, string Scale, string ZeroPoint, float Shift, int[] Outliers, string OutlierValues);
