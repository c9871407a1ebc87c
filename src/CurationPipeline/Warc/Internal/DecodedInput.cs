namespace CurationPipeline.Warc.Internal;

/// <summary>A damaged region of the input found below the record layer (compression), in source-file offsets.</summary>
/// <param name="Reason">A <see cref="WarcReasons"/> code.</param>
/// <param name="Offset">Offset in the file where the damage starts.</param>
/// <param name="Length">Bytes of the file lost to it.</param>
internal readonly record struct InputDamage(string Reason, long Offset, long Length);

/// <summary>
/// The decoded (decompressed) byte stream the record parser reads, with "breaks": points where decoded data
/// is not contiguous because damaged input was skipped. A read returns 0 at a break until <see cref="ResumeAfterBreak"/>.
/// </summary>
internal abstract class DecodedInput : IDisposable
{
    private readonly Queue<InputDamage> _damage = new();

    /// <summary>Whether the input stopped at a break (not at the end).</summary>
    public bool AtBreak { get; protected set; }

    /// <summary>Whether the input is gzip-compressed.</summary>
    public abstract bool IsCompressed { get; }

    /// <summary>Reads decoded bytes; 0 means end of input or a break (<see cref="AtBreak"/>).</summary>
    public abstract int Read(Span<byte> buffer);

    /// <summary>The file offset to report for a record whose first decoded byte is at <paramref name="decodedPosition"/>.</summary>
    public abstract long SourceOffsetOf(long decodedPosition);

    /// <summary>Whether the input knows where its gzip members start (<see cref="MemberStartAfter"/>).</summary>
    public virtual bool HasMemberBoundaries => false;

    /// <summary>The decoded position where the first gzip member after <paramref name="decodedPosition"/> starts, once decoding
    /// has reached it; -1 when none is known yet (or the input has no member boundaries).</summary>
    public virtual long MemberStartAfter(long decodedPosition) => -1;

    /// <summary>Tells the input that no offset below <paramref name="decodedPosition"/> will be asked for again.</summary>
    public virtual void Release(long decodedPosition)
    {
    }

    /// <summary>Continues after a break.</summary>
    public void ResumeAfterBreak() => AtBreak = false;

    /// <summary>Takes the next damage report, if any.</summary>
    public bool TryTakeDamage(out InputDamage damage) => _damage.TryDequeue(out damage);

    /// <summary>Takes the report that the file ends inside a gzip member, when it is the next one: a record cut short by that
    /// end counts the damage itself.</summary>
    public bool TryTakeTruncation(out InputDamage damage)
    {
        if (_damage.TryPeek(out damage) && damage.Reason == WarcReasons.GzipTruncated)
        {
            _damage.Dequeue();
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public abstract void Dispose();

    /// <summary>Records a damaged region.</summary>
    protected void ReportDamage(string reason, long offset, long length) => _damage.Enqueue(new InputDamage(reason, offset, length));

    /// <summary>Opens the right decoder for <paramref name="stream"/>, chosen by its first bytes (gzip magic or not).</summary>
    public static DecodedInput Open(Stream stream, bool leaveOpen)
    {
        Span<byte> magic = stackalloc byte[2];
        int got = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        ReadOnlySpan<byte> prefix = magic[..got];
        if (got == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            return ZLibInflater.IsAvailable
                ? new GzipMemberInput(stream, prefix, leaveOpen)
                : new ManagedGzipInput(stream, prefix, leaveOpen);
        }

        return new PlainInput(stream, prefix, leaveOpen);
    }
}
