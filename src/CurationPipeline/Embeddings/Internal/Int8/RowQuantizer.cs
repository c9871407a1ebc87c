using System.Runtime.InteropServices;
using Onnx;
using static CurationPipeline.Embeddings.Internal.Int8.OnnxNodes;
using DataType = Onnx.TensorProto.Types.DataType;

namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>
/// The nodes that quantize a product input per row (token): <c>s = max(|x|) / 127</c>, <c>q = round(x / s) + 128</c>;
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

    private string Flat => _prefix + "flat";

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

            // Gather, not a one-hot MatMul: a GEMM only 8 columns wide measured 2× slower.
            _graph.Initializer.Add(Float(p + "inlier_mask", mask, channels));
            _graph.Initializer.Add(Tensor(p + "outlier_channels", DataType.Int64, MemoryMarshal.AsBytes(indices.AsSpan()), indices.Length));
            NodeProto gather = Node("Gather", p + "outliers", [x, p + "outlier_channels"], p + "outliers");
            gather.Attribute.Add(Int("axis", -1));
            nodes.Add(gather);
            nodes.Add(Node("Mul", p + "inliers", [x, p + "inlier_mask"], p + "inliers"));
            inlier = p + "inliers";
            outlierValues = p + "outliers";
        }

        if (shift is null)
        {
            // max |x| as max(max x, −min x): two reads, where Abs would also write a copy.
            nodes.Add(Reduce("ReduceMax", p + "max", inlier));
            nodes.Add(Reduce("ReduceMin", p + "min", inlier));
            nodes.Add(Node("Neg", p + "neg_min", [p + "min"], p + "neg_min"));
            nodes.Add(Node("Max", p + "range", [p + "max", p + "neg_min", Tiny], p + "range"));
        }
        else
        {
            if (shift > 0f)
            {
                // One-sided: x + shift ≥ 0 (below it saturates to 0), so the row maximum is the range and all 255 levels are used.
                _graph.Initializer.Add(Float(p + "shift", [shift.Value]));
                nodes.Add(Node("Add", p + "shifted", [inlier, p + "shift"], p + "shifted"));
                inlier = p + "shifted";
            }

            nodes.Add(Reduce("ReduceMax", p + "max", inlier));
            nodes.Add(Node("Max", p + "range", [p + "max", Tiny], p + "range"));
        }

        nodes.Add(Node("Div", p + "scale", [p + "range", shift is null ? Levels : UnsignedLevels], p + "scale"));
        string zeroPoint = shift is null ? ZeroPoint : UnsignedZeroPoint;
        string quantized = QuantizeRows(p, x, inlier, channels, shift is null ? (byte)128 : (byte)0, nodes);
        return _done[x] = new QuantizedInput(quantized, p + "scale", zeroPoint, shift ?? 0f, outliers, outlierValues);
    }

    /// <summary>
    /// <c>{p}quantized = QuantizeLinear(values / {p}scale) + zero point</c>, row by row: opset 13 takes a per-row scale only along
    /// one axis, so the rows of a 2-D view (a free reshape) are quantized per axis, dividing and rounding in one pass.
    /// </summary>
    /// <returns>The quantized tensor, shaped like <paramref name="x"/>.</returns>
    private string QuantizeRows(string p, string x, string values, int channels, byte zeroPoint, List<NodeProto> nodes)
    {
        _graph.Initializer.Add(Tensor(p + "rows_shape", DataType.Int64, MemoryMarshal.AsBytes<long>([-1, channels]), 2));
        nodes.Add(Node("Reshape", p + "rows", [values, p + "rows_shape"], p + "rows"));
        nodes.Add(Node("Reshape", p + "row_scale", [p + "scale", Flat], p + "row_scale"));
        nodes.Add(Node("Shape", p + "row_count", [p + "row_scale"], p + "row_count"));
        NodeProto zeroPoints = Node("ConstantOfShape", p + "row_zero_point", [p + "row_count"], p + "row_zero_point");
        zeroPoints.Attribute.Add(new AttributeProto
        {
            Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = Tensor("value", DataType.Uint8, [zeroPoint], 1),
        });
        nodes.Add(zeroPoints);
        NodeProto quantize = Node("QuantizeLinear", p + "quantized_rows", [p + "rows", p + "row_scale", p + "row_zero_point"], p + "quantized_rows");
        quantize.Attribute.Add(Int("axis", 0));
        nodes.Add(quantize);
        nodes.Add(Node("Shape", p + "shape", [x], p + "shape"));
        nodes.Add(Node("Reshape", p + "quantized", [p + "quantized_rows", p + "shape"], p + "quantized"));
        DeclareTokenShape(p + "quantized", channels);
        return p + "quantized";
    }

    /// <summary>
    /// Declares <paramref name="name"/> as <c>[batch, sequence, channels]</c> uint8, with the token inputs' symbolic dimensions: ONNX
    /// Runtime cannot infer a shape read from a tensor, and without it later fusions (bias + GELU) do not fire.
    /// </summary>
    private void DeclareTokenShape(string name, int channels)
    {
        ValueInfoProto? tokens = _graph.Input.FirstOrDefault(i => i.Type?.TensorType?.Shape?.Dim.Count == 2);
        if (tokens is null)
        {
            return;
        }

        var shape = new TensorShapeProto();
        shape.Dim.AddRange(tokens.Type.TensorType.Shape.Dim.Select(d => d.Clone()));
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = channels });
        _graph.ValueInfo.Add(new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)DataType.Uint8, Shape = shape } },
        });
    }

    private static NodeProto Reduce(string opType, string name, string input)
    {
        NodeProto reduce = Node(opType, name, [input], name);
        reduce.Attribute.Add(Ints("axes", -1));
        reduce.Attribute.Add(Int("keepdims", 1));
        return reduce;
    }

    /// <summary>Adds the shared constants the quantized inputs use, once.</summary>
    public void AddConstants()
    {
        if (_done.Count == 0)
        {
            return;
        }

        _graph.Initializer.Add(Tensor(Flat, DataType.Int64, MemoryMarshal.AsBytes<long>([-1]), 1));
        _graph.Initializer.Add(Float(Tiny, [1e-12f]));
        if (_done.Values.Any(q => q.ZeroPoint == ZeroPoint))
        {
            _graph.Initializer.Add(Float(Levels, [127f]));
            _graph.Initializer.Add(Tensor(ZeroPoint, DataType.Uint8, [128]));
        }

        if (_done.Values.Any(q => q.ZeroPoint == UnsignedZeroPoint))
        {
            _graph.Initializer.Add(Float(UnsignedLevels, [255f]));
            _graph.Initializer.Add(Tensor(UnsignedZeroPoint, DataType.Uint8, [0]));
        }
    }
}

/// <summary>A product input after per-row quantization: the uint8 values, row scales and zero point of its inlier channels, its shift, and its outlier channels.</summary>
internal sealed record QuantizedInput(string Quantized, string Scale, string ZeroPoint, float Shift, int[] Outliers, string OutlierValues);
