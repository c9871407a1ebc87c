namespace CurationPipeline.Warc.Internal;

/// <summary>
/// Line-oriented searches over a <see cref="ByteWindow"/>: where a header block ends and where the next record starts
/// (a <c>WARC/</c> version line, or an ARC header line in ARC files). Offsets are relative to the window's first unconsumed byte.
/// </summary>
/// <remarks>Every loop either consumes bytes, moves its offset forward, or stops at the end of the data or a limit.</remarks>
internal sealed class RecordScanner(ByteWindow window)
{
    public const int ArcLineProbe = 4096;

    private readonly ByteWindow _window = window;

    /// <summary>The file's record syntax; until known, both kinds of record start are accepted.</summary>
    public ArchiveFormat Format { get; set; }

    /// <summary>Whether an ARC header line starts at <paramref name="offset"/>.</summary>
    public bool IsArcLineAt(int offset) => ArcHeaderLine.TryParse(GetLine(offset, ArcLineProbe), out _);

    /// <summary>Consumes bytes up to the next line that starts a record (or the end of the data); returns the bytes skipped.</summary>
    public long SkipToRecordStart(bool atLineStart)
    {
        const int Stretch = 64 * 1024;
        long start = _window.Position;
        while (true)
        {
            int from = 0;
            if (!atLineStart)
            {
                int nl = _window.Span.IndexOf((byte)'\n');
                if (nl < 0)
                {
                    _window.Advance(_window.Available);
                    if (!_window.More())
                    {
                        return _window.Position - start;
                    }

                    continue;
                }

                from = nl + 1;
            }

            int next = FindRecordStart(from, from + Stretch, out bool reachedEnd, out int pending);
            if (next >= 0 || reachedEnd)
            {
                _window.Advance(next >= 0 ? next : _window.Available);
                return _window.Position - start;
            }

            // Nothing in this stretch: drop what was checked and keep looking.
            atLineStart = pending >= 0;
            _window.Advance(atLineStart ? pending : _window.Available);
        }
    }

    /// <summary>Finds a line that starts a record at or after line start <paramref name="from"/>, looking no further than
    /// <paramref name="limit"/>; -1 when none, with <paramref name="reachedEnd"/> telling whether the data ran out and
    /// <paramref name="nextLineStart"/> the first line start not checked (-1 when the search stopped inside a line).</summary>
    public int FindRecordStart(int from, int limit, out bool reachedEnd, out int nextLineStart)
    {
        int lineStart = from;
        reachedEnd = false;
        nextLineStart = -1;
        while (lineStart < limit)
        {
            if (!_window.Ensure(lineStart + 1))
            {
                reachedEnd = true;
                return -1;
            }

            if (IsRecordStartAt(lineStart))
            {
                return lineStart;
            }

            int search = lineStart;
            while (true)
            {
                int nl = _window.Span[search..].IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    lineStart = search + nl + 1;
                    break;
                }

                search = _window.Available;
                if (search >= limit)
                {
                    return -1;
                }

                if (!_window.More())
                {
                    reachedEnd = true;
                    return -1;
                }
            }
        }

        nextLineStart = lineStart;
        return -1;
    }

    public bool IsRecordStartAt(int offset)
    {
        _window.Ensure(offset + 6);
        ReadOnlySpan<byte> span = _window.Span[offset..];
        if (Format != ArchiveFormat.Arc && span.Length >= 6 && span.StartsWith("WARC/"u8) && char.IsAsciiDigit((char)span[5]))
        {
            return true;
        }

        return Format != ArchiveFormat.Warc && IsArcLineAt(offset);
    }

    /// <summary>The line at <paramref name="offset"/> without its newline, reading up to <paramref name="max"/> bytes ahead.</summary>
    public ReadOnlySpan<byte> GetLine(int offset, int max)
    {
        int searched = offset;
        while (true)
        {
            int nl = _window.Span[searched..].IndexOf((byte)'\n');
            if (nl >= 0)
            {
                return _window.Span.Slice(offset, searched + nl - offset);
            }

            searched = _window.Available;
            if (searched - offset >= max || !_window.More())
            {
                return _window.Span[offset..];
            }
        }
    }

    /// <summary>Length of the header block including its blank line, or -1 when the data ends first.</summary>
    public int FindHeaderEnd(int maxHeaderBytes, out bool tooLong)
    {
        tooLong = false;
        int search = 0;
        while (true)
        {
            ReadOnlySpan<byte> span = _window.Span;
            int nl = span[search..].IndexOf((byte)'\n');
            if (nl >= 0)
            {
                int at = search + nl;
                if (at > maxHeaderBytes)
                {
                    tooLong = true;
                    return -1;
                }

                if (at + 2 >= span.Length && _window.Ensure(at + 3))
                {
                    continue;
                }

                span = _window.Span;
                if (at + 1 < span.Length && span[at + 1] == (byte)'\n')
                {
                    return at + 2;
                }

                if (at + 2 < span.Length && span[at + 1] == (byte)'\r' && span[at + 2] == (byte)'\n')
                {
                    return at + 3;
                }

                search = at + 1;
                continue;
            }

            search = span.Length;
            if (search > maxHeaderBytes)
            {
                tooLong = true;
                return -1;
            }

            if (!_window.More())
            {
                return -1;
            }
        }
    }
}
