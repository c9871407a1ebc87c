using System.IO.Compression;

namespace CurationPipeline.Warc.Internal;

/// <summary>
/// Fallback when the system zlib is missing: GZipStream decodes all members as one stream, so member offsets are unknown
/// (record offsets are decoded positions) and the first corrupt or truncated member ends the file with <c>gzip.corrupt</c>.
/// </summary>
internal sealed class ManagedGzipInput : DecodedInput
{
    private readonly GZipStream _gzip;
    private readonly CountingPrefixStream _source;
    private bool _ended;

    public ManagedGzipInput(Stream stream, ReadOnlySpan<byte> prefix, bool leaveOpen)
    {
        _source = new CountingPrefixStream(stream, prefix.ToArray(), leaveOpen);
        _gzip = new GZipStream(_source, CompressionMode.Decompress);
    }

    /// <inheritdoc/>
    public override bool IsCompressed => true;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_ended)
        {
            return 0;
        }

        try
        {
            int n = _gzip.Read(buffer);
            _ended = n == 0;
            return n;
        }
        catch (InvalidDataException)
        {
            // Counted: the damage report below becomes a gzip.corrupt rejection.
            _ended = true;
            ReportDamage(WarcReasons.GzipCorrupt, _source.BytesRead, _source.Length - _source.BytesRead);
            return 0;
        }
    }

    /// <inheritdoc/>
    public override long SourceOffsetOf(long decodedPosition) => decodedPosition;

    /// <inheritdoc/>
    public override void Dispose() => _gzip.Dispose();

    /// <summary>Replays the sniffed magic bytes, then the rest of the stream, counting what was read.</summary>
    private sealed class CountingPrefixStream(Stream inner, byte[] prefix, bool leaveOpen) : Stream
    {
        private int _prefixUsed;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.CanSeek ? inner.Length : BytesRead;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            if (_prefixUsed < prefix.Length)
            {
                n = Math.Min(buffer.Length, prefix.Length - _prefixUsed);
                prefix.AsSpan(_prefixUsed, n).CopyTo(buffer);
                _prefixUsed += n;
            }
            else
            {
                n = inner.Read(buffer);
            }

            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveOpen)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
