using System.Buffers;

namespace CurationPipeline.Warc.Internal;

/// <summary>
/// Decodes gzip member by member with the system zlib, so each record gets the compressed offset of its member and a
/// corrupt member is skipped by resyncing at the next gzip header (1F 8B 08) instead of ending the file.
/// </summary>
/// <remarks>
/// Resync searches from one byte after the damaged member's start when that is still buffered (64 KiB), else from the
/// error point; each search starts strictly further on, so damaged input ends in linear time.
/// </remarks>
internal sealed class GzipMemberInput : DecodedInput
{
    private const int InputBufferSize = 64 * 1024;
    private const int HeaderProbe = 4;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ZLibInflater _inflater;
    private readonly List<(long Decoded, long Compressed)> _members = [];
    private byte[] _in;
    private int _inStart;
    private int _inEnd;
    private long _inBase;
    private bool _streamEnded;
    private State _state = State.MemberStart;
    private long _memberOffset;
    private long _decodedPosition;
    private int _membersHead;

    /// <summary>Decodes <paramref name="stream"/>, whose first bytes were already read into <paramref name="prefix"/>.</summary>
    /// <param name="stream">The rest of the file.</param>
    /// <param name="prefix">The sniffed magic bytes.</param>
    /// <param name="leaveOpen">Whether disposing leaves the stream open.</param>
    /// <param name="zlibBackend">A <see cref="ZLibInflater.AvailableBackends"/> name; <c>null</c> for the preferred one.</param>
    public GzipMemberInput(Stream stream, ReadOnlySpan<byte> prefix, bool leaveOpen, string? zlibBackend = null)
    {
        _inflater = zlibBackend is null ? new ZLibInflater() : new ZLibInflater(zlibBackend);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _in = ArrayPool<byte>.Shared.Rent(InputBufferSize);
        prefix.CopyTo(_in);
        _inEnd = prefix.Length;
    }

    private enum State
    {
        MemberStart,
        InMember,
        Resync,
        Ended,
    }

    /// <inheritdoc/>
    public override bool IsCompressed => true;

    private long Position => _inBase + _inStart;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        while (!AtBreak)
        {
            switch (_state)
            {
                case State.Ended:
                    return 0;
                case State.MemberStart:
                    StartMember();
                    break;
                case State.Resync:
                    long damageStart = _memberOffset;
                    long from = Math.Max(damageStart + 1, _inBase);
                    _inStart = (int)(from - _inBase);
                    bool found = SeekHeader();
                    ReportDamage(WarcReasons.GzipCorrupt, damageStart, Position - damageStart);
                    _state = found ? State.MemberStart : State.Ended;
                    AtBreak = true;
                    break;
                case State.InMember:
                    if (_inStart == _inEnd && !Refill())
                    {
                        ReportDamage(WarcReasons.GzipTruncated, _memberOffset, Position - _memberOffset);
                        _state = State.Ended;
                        return 0;
                    }

                    InflateStatus status = _inflater.Inflate(_in.AsSpan(_inStart, _inEnd - _inStart), buffer, out int consumed, out int produced);
                    _inStart += consumed;
                    _decodedPosition += produced;
                    if (status == InflateStatus.MemberEnd)
                    {
                        _state = State.MemberStart;
                    }
                    else if (status == InflateStatus.Corrupt)
                    {
                        _state = State.Resync;
                    }

                    if (produced > 0)
                    {
                        return produced;
                    }

                    break;
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override long SourceOffsetOf(long decodedPosition)
    {
        long result = _members.Count > _membersHead ? _members[_membersHead].Compressed : 0;
        for (int i = _membersHead; i < _members.Count && _members[i].Decoded <= decodedPosition; i++)
        {
            result = _members[i].Compressed;
        }

        return result;
    }

    /// <inheritdoc/>
    public override bool HasMemberBoundaries => true;

    /// <inheritdoc/>
    public override long MemberStartAfter(long decodedPosition)
    {
        // Binary search (member starts never decrease): a record can span many tiny members, so a scan would be quadratic.
        int low = _membersHead;
        int high = _members.Count;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (_members[middle].Decoded > decodedPosition)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low < _members.Count ? _members[low].Decoded : -1;
    }

    /// <inheritdoc/>
    public override void Release(long decodedPosition)
    {
        while (_membersHead + 1 < _members.Count && _members[_membersHead + 1].Decoded <= decodedPosition)
        {
            _membersHead++;
        }

        if (_membersHead > 1024)
        {
            _members.RemoveRange(0, _membersHead);
            _membersHead = 0;
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _inflater.Dispose();
        ArrayPool<byte>.Shared.Return(_in);
        _in = [];
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void StartMember()
    {
        EnsureInput(HeaderProbe);
        if (_inStart == _inEnd)
        {
            _state = State.Ended;
            return;
        }

        if (IsHeaderAt(_inStart))
        {
            _memberOffset = Position;
            _members.Add((_decodedPosition, _memberOffset));
            _inflater.Reset();
            _state = State.InMember;
            return;
        }

        long garbageStart = Position;
        bool found = SeekHeader();
        ReportDamage(WarcReasons.GzipGarbage, garbageStart, Position - garbageStart);
        _state = found ? State.MemberStart : State.Ended;
        AtBreak = true;
    }

    /// <summary>Advances to the next plausible gzip header; false (input used up) when there is none.</summary>
    private bool SeekHeader()
    {
        while (true)
        {
            int i = _in.AsSpan(_inStart, _inEnd - _inStart).IndexOf((byte)0x1F);
            if (i < 0)
            {
                _inStart = _inEnd;
                if (!Refill())
                {
                    return false;
                }

                continue;
            }

            _inStart += i;
            if (!EnsureInput(HeaderProbe))
            {
                // Fewer than 4 bytes left in the file: no complete header can start here.
                _inStart = _inEnd;
                return false;
            }

            if (IsHeaderAt(_inStart))
            {
                return true;
            }

            _inStart++;
        }
    }

    private bool IsHeaderAt(int index) =>
        _inEnd - index >= HeaderProbe && _in[index] == 0x1F && _in[index + 1] == 0x8B && _in[index + 2] == 0x08 && (_in[index + 3] & 0xE0) == 0;

    /// <summary>Makes at least <paramref name="count"/> bytes available; false at end of file.</summary>
    private bool EnsureInput(int count)
    {
        while (_inEnd - _inStart < count)
        {
            if (!Refill())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads more compressed input, keeping unread bytes (and the current member's start when it fits); false at end of file.</summary>
    private bool Refill()
    {
        if (_streamEnded)
        {
            return false;
        }

        if (_inEnd == _in.Length)
        {
            int keepFrom = _inStart;
            if (_state == State.InMember && _memberOffset >= _inBase && _memberOffset - _inBase < _in.Length / 2)
            {
                int memberStart = (int)(_memberOffset - _inBase);
                keepFrom = memberStart > 0 ? Math.Min(keepFrom, memberStart) : keepFrom;
            }

            _in.AsSpan(keepFrom, _inEnd - keepFrom).CopyTo(_in);
            _inBase += keepFrom;
            _inStart -= keepFrom;
            _inEnd -= keepFrom;
        }

        int read = _stream.Read(_in.AsSpan(_inEnd));
        if (read == 0)
        {
            _streamEnded = true;
            return false;
        }

        _inEnd += read;
        return true;
    }
}
