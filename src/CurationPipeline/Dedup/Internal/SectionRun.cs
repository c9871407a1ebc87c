namespace CurationPipeline.Dedup.Internal;

/// <summary>Reads a sorted section of records from a stream with a bounded buffer.</summary>
/// <remarks>Narrow records are band records (u64 hash, i32 index); wide ones are exact or merged records (2 × u64, i32 index).
/// <c>baseIndex</c> turns a file-local index into a global one.</remarks>
internal sealed class SectionRun : IKeyedRun
{
    private readonly BinaryReader _reader;
    private readonly bool _wide;
    private readonly int _baseIndex;
    private long _remaining;

    public SectionRun(Stream stream, long offset, long count, bool wide, int baseIndex, int bufferBytes)
    {
        stream.Seek(offset, SeekOrigin.Begin);
        _reader = new BinaryReader(new BufferedStream(stream, bufferBytes));
        _remaining = count;
        _wide = wide;
        _baseIndex = baseIndex;
    }

    public bool TryRead(out KeyedDoc record)
    {
        if (_remaining == 0)
        {
            record = default;
            return false;
        }

        _remaining--;
        ulong low = _reader.ReadUInt64();
        ulong high = _wide ? _reader.ReadUInt64() : 0;
        record = new KeyedDoc(new UInt128(high, low), _baseIndex + _reader.ReadInt32());
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
