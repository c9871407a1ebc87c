using System.Text;

namespace CurationPipeline.Tests;

/// <summary>A minimal protobuf writer (varints, length-delimited bytes, nested messages) for hand-built tiny ONNX graphs in tests.</summary>
internal sealed class OnnxProto
{
    private readonly MemoryStream _buffer = new();

    public OnnxProto Int64(int field, long value)
    {
        Varint((ulong)(field << 3));
        Varint((ulong)value);
        return this;
    }

    public OnnxProto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public OnnxProto Bytes(int field, byte[] value)
    {
        Varint((ulong)((field << 3) | 2));
        Varint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    public OnnxProto Message(int field, OnnxProto message) => Bytes(field, message.ToArray());

    public OnnxProto Message(int field, Action<OnnxProto> build)
    {
        var message = new OnnxProto();
        build(message);
        return Message(field, message);
    }

    public byte[] ToArray() => _buffer.ToArray();

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.WriteByte((byte)value);
    }

    /// <summary>ValueInfoProto { name, type: TypeProto { tensor_type { elem_type, shape { dim* } } } }; a string dim is symbolic.</summary>
    public static void ValueInfo(OnnxProto value, string name, int elementType, params object[] dims) =>
        value.String(1, name).Message(2, type => type.Message(1, tensor => tensor
            .Int64(1, elementType)
            .Message(2, shape =>
            {
                foreach (object dim in dims)
                {
                    shape.Message(1, d => _ = dim is string symbol ? d.String(2, symbol) : d.Int64(1, (int)dim));
                }
            })));
}
