namespace CurationPipeline.Warc.Internal;

/// <summary>An uncompressed file: decoded offsets are file offsets.</summary>
internal sealed class PlainInput : DecodedInput
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _prefix;
    private int _prefixUsed;

    public PlainInput(Stream stream, ReadOnlySpan<byte> prefix, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _prefix = prefix.ToArray();
    }

    /// <inheritdoc/>
    public override bool IsCompressed => false;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_prefixUsed < _prefix.Length)
        {
            int n = Math.Min(buffer.Length, _prefix.Length - _prefixUsed);
            _prefix.AsSpan(_prefixUsed, n).CopyTo(buffer);
            _prefixUsed += n;
            return n;
        }

        return _stream.Read(buffer);
    }

    /// <inheritdoc/>
    public override long SourceOffsetOf(long decodedPosition) => decodedPosition;

    /// <inheritdoc/>
    public override void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
