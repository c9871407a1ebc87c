using System.Buffers.Binary;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>A bounds-checked reader over a model file's bytes; running off the end is <see cref="InvalidDataException"/>.</summary>
internal struct ModelFileCursor(byte[] bytes, int position, int end)
{
    private int _position = position;

    public readonly bool AtEnd => _position == end;

    /// <summary>Bytes left before the end.</summary>
    public readonly int Remaining => end - _position;

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > end - _position)
        {
            throw new InvalidDataException("Classifier file is truncated.");
        }

        ReadOnlySpan<byte> slice = bytes.AsSpan(_position, count);
        _position += count;
        return slice;
    }

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(4));

    public uint ReadVarint()
    {
        uint value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadBytes(1)[0];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Classifier file has an over-long varint.");
    }

    public readonly void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new InvalidDataException("Classifier file has trailing bytes before its checksum.");
        }
    }
}
