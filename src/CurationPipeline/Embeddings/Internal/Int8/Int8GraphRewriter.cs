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
/// Per-row recipe: each distinct input goes through <see cref="RowQuantizer"/> once, then every product becomes
/// <c>MatMulIntegerToFloat(q, W8, s, w_scale, zero point)</c>, plus a small float <c>MatMul</c> over the input's outlier
/// channels (their weight rows are zeroed in <c>W8</c>) added back; the bias <c>Add</c> stays (see <see cref="Run"/>) and absorbs
/// a one-sided shift. Per-tensor recipe: <c>DynamicQuantizeMatMul</c> with the bias folded in. Output is a pure function of the
/// input graph and the recipe: names derive from the graph's own, and calibration is seeded.
/// </remarks>
internal sealed class Int8GraphRewriter
{
    internal const string Prefix = "int8/";

    private readonly Int8Recipe _recipe;
    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly Dictionary<string, List<NodeProto>> _consumers = [];
    private readonly RowQuantizer _rows;
    private readonly HashSet<string> _graphOutputs;
    private Dictionary<string, ChannelStatistics> _statistics = [];

    private Int8GraphRewriter(ModelProto model, Int8Recipe recipe)
    {
        _recipe = recipe;
        _graph = model.Graph;
        _rows = new RowQuantizer(_graph, Prefix);
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
                int channels = checked((int)weight.Dims[0]);
                float? shift = _recipe.ShiftOneSided ? _statistics[x].OneSidedShift() : null;
                QuantizedInput input = _rows.Quantize(x, channels, () => Outliers(x, channels), shift, nodes);
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
        _rows.AddConstants();

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

    /// <summary>The channels of <paramref name="x"/> kept in float (see <see cref="OutlierChannels"/>).</summary>
    private int[] Outliers(string x, int channels)
    {
        if (_recipe.OutlierChannels == 0)
        {
            return [];
        }

        IEnumerable<TensorProto> weights = _consumers[x]
            .Select(Weight).OfType<TensorProto>().Where(w => !_recipe.KeepFloat.Contains(RoleOf(w)));
        return OutlierChannels.Select(x, channels, _statistics[x], weights, _recipe.OutlierChannels);
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
}
