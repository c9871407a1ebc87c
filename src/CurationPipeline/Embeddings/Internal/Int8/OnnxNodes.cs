using Google.Protobuf;
using Onnx;

namespace CurationPipeline.Embeddings.Internal.Int8;

/// <summary>Small factories for the ONNX protobuf messages the rewriter adds.</summary>
internal static class OnnxNodes
{
    /// <summary>The contrib-op domain of ONNX Runtime.</summary>
    public const string MicrosoftDomain = "com.microsoft";

    public static NodeProto Node(string opType, string name, IEnumerable<string> inputs, string output, string domain = "")
    {
        var node = new NodeProto { OpType = opType, Name = name, Domain = domain };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static TensorProto Float(string name, ReadOnlySpan<float> values, params long[] dims) =>
        Tensor(name, TensorProto.Types.DataType.Float, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values), dims);

    public static TensorProto Tensor(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> raw, params long[] dims)
    {
        // Raw little-endian bytes: the layout ONNX specifies for raw_data, and what every exporter writes for weights.
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this machine is not.");
        }

        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    /// <summary>The values of a float initializer, whichever field the exporter stored them in.</summary>
    public static float[] FloatValues(TensorProto tensor)
    {
        if (!tensor.RawData.IsEmpty)
        {
            return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
        }

        return [.. tensor.FloatData];
    }
}
