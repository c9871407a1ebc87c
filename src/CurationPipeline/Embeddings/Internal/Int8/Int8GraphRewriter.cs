using System.Runtime.InteropServices;
using Onnx;
using static CurationPipeline.Embeddings.Internal.Int8.OnnxNodes;
using DataType = Onnx.TensorProto.Types.DataType;

namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>
/// Rewrites every float <c>MatMul</c> by a constant 2-D weight (the transformer's projections) into ONNX Runtime's int8
/// products, folding the bias <c>Add</c> that follows; activation-by-activation products (attention scores) stay float.
/// </summary>
/// <remarks>
/// Per-row recipe: for each distinct input <c>x</c>, <c>s = max(|x|, last axis) / 127</c> per token, <c>q = QuantizeLinear(x / s, 1, 128)</c>
/// (uint8, symmetric around 128), then <c>MatMulIntegerToFloat(q, W8, s, w_scale, 128)</c> per weight; the q and s of an input
/// shared by several products (query, key and value) are computed once. Per-tensor recipe: <c>DynamicQuantizeMatMul</c>.
/// Output is a pure function of the input graph and the recipe (node and tensor names are derived from the graph's own names).
/// </remarks>
internal sealed class Int8GraphRewriter
{
    private const string Prefix = "int8/";
    private const string One = Prefix + "one";
    private const string ZeroPoint = Prefix + "zero_point_128";
    private const string Levels = Prefix + "levels_127";
    private const string Tiny = Prefix + "tiny";
    private const string UnsignedZeroPoint = Prefix + "zero_point_0";
    private const string UnsignedLevels = Prefix + "levels_255";

    private readonly Int8Recipe _recipe;
    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly Dictionary<string, List<NodeProto>> _consumers = [];
    private readonly Dictionary<string, QuantizedInput> _quantizedInputs = [];
    private readonly HashSet<string> _graphOutputs;
    private Dictionary<string, ChannelStatistics> _statistics = [];

    private Int8GraphRewriter(ModelProto model, Int8Recipe recipe)
    {
        _recipe = recipe;
        _graph = model.Graph;
        _initializers = _graph.Initializer.ToDictionary(t => t.Name);
        _graphOutputs = [.. _graph.Output.Select(o => o.Name)];
        foreach (NodeProto node in _graph.Node)
        {
            foreach (string input in node.Input)
            {
                if (!_consumers.TryGetValue(input, out List<NodeProto>? list))
                {
                    _consumers[input] = list = [];
                }

                list.Add(node);
            }
        }
    }

    /// <summary>Rewrites <paramref name="model"/> in place.</summary>
    /// <returns>The number of products turned int8.</returns>
    public static int Rewrite(ModelProto model, Int8Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(recipe);
        if ((recipe.OutlierChannels > 0 && !recipe.PerRowActivations) || (recipe.ShiftOneSided && recipe.OutlierChannels == 0))
        {
            throw new ArgumentException("Outlier channels need per-row activations, and a one-sided shift needs outlier channels (calibration).", nameof(recipe));
        }

        return new Int8GraphRewriter(model, recipe).Run(model);
    }

    private int Run(ModelProto model)
    {
        if (_recipe.OutlierChannels > 0)
        {
            string[] inputs = [.. _graph.Node.Where(n => Weight(n) is { } w && !_recipe.KeepFloat.Contains(RoleOf(w))).Select(n => n.Input[0]).Distinct()];
            if (inputs.Length == 0)
            {
                return 0;
            }

            _statistics = ActivationCalibrator.Measure(model, inputs);
        }

        var nodes = new List<NodeProto>(_graph.Node.Count);
        var removed = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        int rewritten = 0;
        foreach (NodeProto node in _graph.Node)
        {
            if (removed.Contains(node))
            {
                continue;
            }

            if (Weight(node) is not { } weight || _recipe.KeepFloat.Contains(RoleOf(weight)))
            {
                nodes.Add(node);
                continue;
            }

            // ONNX Runtime's MatMulIntegerToFloat applies a per-row A scale after adding the bias, scaling the bias too,
            // so the per-row recipe keeps its Add; DynamicQuantizeMatMul takes the bias as is.
            (string output, string bias, NodeProto? biasAdd) = _recipe.PerRowActivations ? (node.Output[0], "", null) : FoldableBias(node, weight);
            if (biasAdd is not null)
            {
                removed.Add(biasAdd);
            }

            string x = node.Input[0];
            string name = Prefix + (node.Name.Length > 0 ? node.Name : output);
            if (!_recipe.PerRowActivations)
            {
                (string quantizedWeight, string weightScale, _) = QuantizeWeight(weight, [], out _);
                nodes.Add(Node("DynamicQuantizeMatMul", name, [x, quantizedWeight, weightScale, "", bias], output, MicrosoftDomain));
            }
            else
            {
                QuantizedInput input = QuantizeRows(x, checked((int)weight.Dims[0]), nodes);
                (string quantizedWeight, string weightScale, string outlierRows) = QuantizeWeight(weight, input.Outliers, out float[] columnSums);
                string product = input.Outliers.Length == 0 && input.Shift == 0f ? output : name + "/int8";
                nodes.Add(Node("MatMulIntegerToFloat", name, [input.Quantized, quantizedWeight, input.Scale, weightScale, input.ZeroPoint], product, MicrosoftDomain));
                if (input.Outliers.Length > 0)
                {
                    string sum = input.Shift == 0f ? output : name + "/sum";
                    nodes.Add(Node("MatMul", name + "/outliers", [input.OutlierValues, outlierRows], name + "/outliers"));
                    nodes.Add(Node("Add", name + "/sum", [product, name + "/outliers"], sum));
                    product = sum;
                }

                if (input.Shift != 0f)
                {
                    // (x + shift)·W = x·W + shift·colsum(W): subtract the constant, from the bias when one follows.
                    UnshiftBias(node, weight, product, output, columnSums, input.Shift, nodes, name);
                }
            }

            rewritten++;
        }

        _graph.Node.Clear();
        _graph.Node.AddRange(nodes);
        if (_quantizedInputs.Count > 0)
        {
            AddConstants();
        }
        if (!model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }

        return rewritten;
    }

    /// <summary>The constant 2-D float weight of a <c>MatMul</c> used by nothing else, or <c>null</c>.</summary>
    private TensorProto? Weight(NodeProto node) =>
        node.OpType == "MatMul" && node.Domain.Length == 0 && node.Input.Count == 2
            && _initializers.TryGetValue(node.Input[1], out TensorProto? w) && w.DataType == (int)DataType.Float && w.Dims.Count == 2
            && _consumers[w.Name].Count == 1
            ? w
            : null;

    private static MatMulRole RoleOf(TensorProto weight) =>
        weight.Dims[0] == weight.Dims[1] ? MatMulRole.Attention
        : weight.Dims[0] < weight.Dims[1] ? MatMulRole.FeedForwardUp
        : MatMulRole.FeedForwardDown;

    /// <summary>When the product's only use is <c>+ bias</c> (a constant vector of its width), that Add's output and the bias.</summary>
    private (string Output, string Bias, NodeProto? Add) FoldableBias(NodeProto matMul, TensorProto weight)
    {
        string product = matMul.Output[0];
        if (!_graphOutputs.Contains(product) && _consumers.TryGetValue(product, out List<NodeProto>? users) && users.Count == 1
            && users[0] is { OpType: "Add", Domain: "", Input.Count: 2 } add)
        {
            string other = add.Input[0] == product ? add.Input[1] : add.Input[0];
            if (_initializers.TryGetValue(other, out TensorProto? bias) && bias.DataType == (int)DataType.Float
                && bias.Dims.Count == 1 && bias.Dims[0] == weight.Dims[1])
            {
                return (add.Output[0], other, add);
            }
        }

        return (product, "", null);
    }

    /// <summary>
    /// Replaces <paramref name="weight"/> by its int8 values and column scales; its <paramref name="outliers"/> rows move to a
    /// float initializer. <paramref name="columnSums"/> are the column sums of the int8 part as the kernel sees it (dequantized).
    /// </summary>
    private (string Quantized, string Scale, string OutlierRows) QuantizeWeight(TensorProto weight, int[] outliers, out float[] columnSums)
    {
        int rows = checked((int)weight.Dims[0]);
        int columns = checked((int)weight.Dims[1]);
        float[] values = FloatValues(weight);
        var outlierRows = new float[outliers.Length * columns];
        for (int i = 0; i < outliers.Length; i++)
        {
            Span<float> row = values.AsSpan(outliers[i] * columns, columns);
            row.CopyTo(outlierRows.AsSpan(i * columns));
            row.Clear();
        }

        (sbyte[] quantizedValues, float[] scales) = WeightQuantizer.PerColumn(values, rows, columns);
        columnSums = new float[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                columnSums[c] += quantizedValues[r * columns + c] * scales[c];
            }
        }

        _graph.Initializer.Remove(weight);
        RemoveGraphInput(weight.Name);
        string quantized = Prefix + weight.Name;
        string scale = quantized + "/scale";
        string outlier = outliers.Length > 0 ? quantized + "/outlier_rows" : "";
        _graph.Initializer.Add(Tensor(quantized, DataType.Int8, MemoryMarshal.AsBytes(quantizedValues.AsSpan()), rows, columns));
        _graph.Initializer.Add(Float(scale, scales, columns));
        if (outliers.Length > 0)
        {
            _graph.Initializer.Add(Float(outlier, outlierRows, outliers.Length, columns));
        }

        return (quantized, scale, outlier);
    }

    /// <summary>Adds (once per input) the nodes that quantize <paramref name="x"/> per row, outlier channels zeroed and gathered apart.</summary>
    private QuantizedInput QuantizeRows(string x, int channels, List<NodeProto> nodes)
    {
        if (_quantizedInputs.TryGetValue(x, out QuantizedInput? done))
        {
            return done;
        }

        string p = Prefix + x + "/";
        int[] outliers = Outliers(x, channels);
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

        float? shift = _recipe.ShiftOneSided ? _statistics[x].OneSidedShift() : null;
        string magnitude = p + "abs";
        if (shift is { } amount)
        {
            // One-sided: x + shift ≥ 0 (below it saturates to 0), so the row maximum is the range and all 255 levels are used.
            _graph.Initializer.Add(Float(p + "shift", [amount]));
            nodes.Add(Node("Add", p + "shifted", [inlier, p + "shift"], p + "shifted"));
            inlier = magnitude = p + "shifted";
        }
        else
        {
            nodes.Add(Node("Abs", p + "abs", [inlier], p + "abs"));
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
        return _quantizedInputs[x] = new QuantizedInput(p + "quantized", p + "scale", zeroPoint, shift ?? 0f, outliers, outlierValues);
    }

    /// <summary>
    /// The channels of <paramref name="x"/> kept in float, ascending: the recipe's number of largest calibrated channels, and as
    /// many rows with the largest weights among the products reading <paramref name="x"/> (a large row coarsens the grid of every
    /// column it crosses); ties go to the lower channel.
    /// </summary>
    private int[] Outliers(string x, int channels)
    {
        if (_recipe.OutlierChannels == 0)
        {
            return [];
        }

        float[] activations = _statistics[x].AbsMax;
        if (activations.Length != channels)
        {
            throw new InvalidDataException($"Tensor '{x}' has {activations.Length} channels; its weights expect {channels}.");
        }

        var weights = new float[channels];
        foreach (NodeProto reader in _consumers[x])
        {
            if (Weight(reader) is { } weight && !_recipe.KeepFloat.Contains(RoleOf(weight)))
            {
                float[] values = FloatValues(weight);
                int columns = values.Length / channels;
                for (int i = 0; i < values.Length; i++)
                {
                    weights[i / columns] = Math.Max(weights[i / columns], Math.Abs(values[i]));
                }
            }
        }

        return [.. Largest(activations, _recipe.OutlierChannels).Union(Largest(weights, _recipe.OutlierChannels)).Order()];
    }

    private static IEnumerable<int> Largest(float[] values, int count) =>
        Enumerable.Range(0, values.Length).OrderByDescending(c => values[c]).ThenBy(c => c).Take(count);

    private void AddConstants()
    {
        _graph.Initializer.Add(Float(One, [1f]));
        _graph.Initializer.Add(Float(Levels, [127f]));
        _graph.Initializer.Add(Float(Tiny, [1e-12f]));
        _graph.Initializer.Add(Tensor(ZeroPoint, DataType.Uint8, [128]));
        _graph.Initializer.Add(Float(UnsignedLevels, [255f]));
        _graph.Initializer.Add(Tensor(UnsignedZeroPoint, DataType.Uint8, [0]));
    }

    /// <summary>
    /// Takes <c>shift × columnSums</c> out of the product (the last node in <paramref name="nodes"/>): out of the bias of the
    /// <c>Add</c> that follows the original <paramref name="matMul"/> when there is one, else with a new Add.
    /// </summary>
    private void UnshiftBias(NodeProto matMul, TensorProto weight, string product, string output, float[] columnSums, float shift, List<NodeProto> nodes, string name)
    {
        float[] correction = [.. columnSums.Select(sum => -shift * sum)];
        (_, string bias, NodeProto? add) = FoldableBias(matMul, weight);
        if (add is null)
        {
            _graph.Initializer.Add(Float(name + "/unshift", correction, correction.Length));
            nodes.Add(Node("Add", name + "/unshift", [product, name + "/unshift"], output));
            return;
        }

        float[] values = FloatValues(_initializers[bias]);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] += correction[i];
        }

        string shifted = name + "/bias";
        _graph.Initializer.Add(Float(shifted, values, values.Length));
        if (_consumers[bias].Count == 1)
        {
            _graph.Initializer.Remove(_initializers[bias]);
        }

        add.Input[add.Input.IndexOf(bias)] = shifted;
        nodes[^1].Output[0] = output; // the node that computes the product now feeds that Add directly
    }

    private void RemoveGraphInput(string name)
    {
        ValueInfoProto? input = _graph.Input.FirstOrDefault(i => i.Name == name);
        if (input is not null)
        {
            _graph.Input.Remove(input);
        }
    }

    /// <summary>A product input after per-row quantization: the uint8 values and row scales of its inlier channels, and its outlier channels.</summary>
    private sealed record QuantizedInput(string Quantized, string Scale, string ZeroPoint, float Shift, int[] Outliers, string OutlierValues);
}
