using System.Text;

namespace CurationPipeline.Warc.Internal;

/// <summary>
/// The framing core behind <see cref="WarcReader"/>: splits the decoded stream into WARC and ARC records by their declared
/// lengths, checks each record's trailer, repairs wrong lengths by finding the next record start (in gzip-per-record
/// files: the end of the record's gzip member), and turns everything else into damage entries. Never throws for bad
/// input; every loop consumes input or ends, so time is linear in the file.
/// </summary>
internal sealed class RecordFramer : IDisposable
{
    private const int MaxTrailer = 16;

    private readonly DecodedInput _input;
    private readonly ByteWindow _window;
    private readonly RecordScanner _scanner;
    private readonly WarcReaderOptions _options;
    private readonly Queue<WarcRecord> _ready = new();
    private int _consumeBeforeNext;

    public RecordFramer(DecodedInput input, WarcReaderOptions options)
    {
        _input = input;
        _options = options;
        _window = new ByteWindow(input, options.MaxHeaderBytes + options.MaxRecordBytes + 16);
        _scanner = new RecordScanner(_window);
    }

    /// <summary>Produces the next entry; false at the end of the input.</summary>
    public bool TryNext(out WarcRecord? entry)
    {
        if (_consumeBeforeNext > 0)
        {
            _window.Advance(_consumeBeforeNext);
            _consumeBeforeNext = 0;
        }

        while (_ready.Count == 0 && Step())
        {
        }

        return _ready.TryDequeue(out entry);
    }

    /// <inheritdoc/>
    public void Dispose() => _window.Dispose();

    /// <summary>Frames one record or one damaged region; false when the input is used up.</summary>
    private bool Step()
    {
        while (true)
        {
            if (_window.Available == 0 && !_window.Ensure(1))
            {
                bool atBreak = _input.AtBreak;
                _input.ResumeAfterBreak();
                DrainInputDamage();
                if (!atBreak)
                {
                    return false;
                }

                continue;
            }

            int blank = _window.Span.IndexOfAnyExcept(" \t\r\n"u8);
            if (blank < 0)
            {
                _window.Advance(_window.Available);
                continue;
            }

            _window.Advance(blank);
            if (_window.Available > 0)
            {
                break;
            }
        }

        _window.Ensure(6);
        if (_window.Span.StartsWith("WARC/"u8))
        {
            _scanner.Format = _scanner.Format == ArchiveFormat.Unknown ? ArchiveFormat.Warc : _scanner.Format;
            FrameWarc();
        }
        else if (_scanner.Format != ArchiveFormat.Warc && _scanner.IsArcLineAt(0))
        {
            _scanner.Format = ArchiveFormat.Arc;
            FrameArc();
        }
        else
        {
            long start = _window.Position;
            long sourceOffset = _input.SourceOffsetOf(start);
            long skipped = _scanner.SkipToRecordStart(atLineStart: false);
            AddDamage(WarcReasons.Junk, start, $"{skipped} bytes that are not a record", sourceOffset);
        }

        DrainInputDamage();
        return true;
    }

    private void FrameWarc()
    {
        long position = _window.Position;
        long sourceOffset = _input.SourceOffsetOf(position);
        int headerLength = _scanner.FindHeaderEnd(_options.MaxHeaderBytes, out bool tooLong);
        ReadOnlySpan<byte> span = _window.Span;
        int firstLineEnd = span.IndexOf((byte)'\n');
        ReadOnlySpan<byte> versionLine = (firstLineEnd < 0 ? span : span[..firstLineEnd]).TrimEnd((byte)'\r');
        string version = Encoding.ASCII.GetString(versionLine[..Math.Min(versionLine.Length, 32)]);
        if (tooLong)
        {
            _window.Advance(firstLineEnd < 0 ? _window.Available : firstLineEnd + 1);
            _scanner.SkipToRecordStart(atLineStart: firstLineEnd >= 0);
            Add(new WarcRecord
            {
                Kind = WarcEntryKind.Record,
                Version = version,
                Problem = WarcReasons.MalformedHeader,
                Detail = $"no header end within {_options.MaxHeaderBytes} bytes; skipped {_window.Position - position} bytes",
                SourceOffset = sourceOffset,
                DecodedOffset = position,
            });
            return;
        }

        int linesStart = firstLineEnd < 0 ? span.Length : firstLineEnd + 1;
        int linesEnd = headerLength < 0 ? span.Length : headerLength;
        WarcHeaders headers = WarcHeaders.Parse(span[linesStart..Math.Max(linesStart, linesEnd)]);
        (WarcRecordType type, string typeName) = WarcFieldParsers.ParseType(headers.GetValueBytes("WARC-Type"));
        long declared = WarcFieldParsers.ParseLength(headers.GetValueBytes("Content-Length"));
        var record = new WarcRecord
        {
            Kind = WarcEntryKind.Record,
            Type = type,
            TypeName = typeName,
            Version = version,
            Headers = headers,
            ContentLength = declared,
            SourceOffset = sourceOffset,
            DecodedOffset = position,
        };

        if (headerLength < 0)
        {
            // No blank line before the end of the data. A header-only record at the very end (Content-Length: 0) is accepted.
            _window.Advance(_window.Available);
            bool headerOnly = declared == 0 && !_input.AtBreak;
            if (headerOnly)
            {
                Add(record);
            }
            else
            {
                AddTruncated(record, "header block has no end");
            }

            return;
        }

        FrameBody(record, headerLength, declared);
    }

    private void FrameArc()
    {
        long position = _window.Position;
        ReadOnlySpan<byte> line = _scanner.GetLine(0, RecordScanner.ArcLineProbe);
        ArcHeaderLine.TryParse(line, out ArcHeaderLine arc);
        bool complete = line.Length < _window.Available;
        int headerLength = complete ? line.Length + 1 : line.Length;
        ReadOnlySpan<byte> url = arc.Url;
        (WarcRecordType type, string typeName) = url.StartsWith("filedesc:"u8) ? (WarcRecordType.Warcinfo, "warcinfo")
            : url.Length >= 4 && System.Text.Ascii.EqualsIgnoreCase(url[..4], "http"u8) ? (WarcRecordType.Response, "response")
            : (WarcRecordType.Resource, "resource");
        var record = new WarcRecord
        {
            Kind = WarcEntryKind.Record,
            Type = type,
            TypeName = typeName,
            Version = "ARC/1",
            IsArc = true,
            Headers = WarcHeaders.Parse(arc.ToHeaderBlock()),
            ContentLength = arc.Length,
            SourceOffset = _input.SourceOffsetOf(position),
            DecodedOffset = position,
        };

        if (!complete)
        {
            _window.Advance(_window.Available);
            AddTruncated(record, "ARC header line has no end");
            return;
        }

        FrameBody(record, headerLength, arc.Length);
    }

    /// <summary>Frames the payload after a parsed header of <paramref name="headerLength"/> bytes.</summary>
    private void FrameBody(WarcRecord record, int headerLength, long declared)
    {
        if (declared < 0)
        {
            _window.Advance(headerLength);
            long skipped = _scanner.SkipToRecordStart(atLineStart: true);
            Add(Damaged(record, WarcReasons.BadContentLength, $"missing or invalid length; skipped {skipped} bytes to the next record"));
            return;
        }

        int cut = FindMemberCut(headerLength, declared);
        if (cut >= 0)
        {
            int cutLength = PayloadEnd(headerLength, cut) - headerLength;
            AddFramed(record, headerLength, cutLength, cut, $"declared {declared} bytes, its gzip member ends after {cutLength}");
            return;
        }

        if (declared > _options.MaxRecordBytes)
        {
            _window.Advance(headerLength);
            long skipped = SkipPayload(declared, out bool memberCut);
            if (memberCut)
            {
                Add(Damaged(record, WarcReasons.BadContentLength, $"declared {declared} bytes, its gzip member ends after {skipped} (over the limit {_options.MaxRecordBytes})"));
            }
            else if (skipped == declared)
            {
                Add(Damaged(record, WarcReasons.RecordTooLarge, $"declared {declared} bytes; limit {_options.MaxRecordBytes}"));
            }
            else
            {
                AddTruncated(record, $"declared {declared} bytes; limit {_options.MaxRecordBytes}");
            }

            return;
        }

        int length = (int)declared;
        int end = headerLength + length;
        _window.Ensure(end + MaxTrailer + 6);
        bool complete = _window.Available >= end;
        int consumed;
        string? repair = null;
        if (complete && TrailerOk(end, out int run))
        {
            consumed = end + run;
        }
        else
        {
            // The length disagrees with the data: the record really ends where the next record starts (or at the end of the data).
            int limit = complete ? headerLength + _options.MaxRecordBytes + 4 : _window.Available;
            int next = _scanner.FindRecordStart(headerLength, limit, out bool reachedEnd, out _);
            if (next < 0 && !complete)
            {
                int have = _window.Available - headerLength;
                _window.Advance(_window.Available);
                AddTruncated(record, $"payload {have} of {declared} bytes");
                return;
            }

            if (next >= 0 || reachedEnd)
            {
                consumed = next >= 0 ? next : _window.Available;
                length = PayloadEnd(headerLength, consumed) - headerLength;
                repair = $"declared {declared} bytes, next record after {length}";
            }
            else
            {
                consumed = end;
            }
        }

        AddFramed(record, headerLength, length, consumed, repair);
    }

    /// <summary>Adds a framed record whose payload is <paramref name="length"/> bytes after the header, and its wrong length
    /// (<paramref name="repair"/>) when it has one; the next record is framed <paramref name="consumed"/> bytes on.</summary>
    private void AddFramed(WarcRecord record, int headerLength, int length, int consumed, string? repair)
    {
        bool selected = (record.Type & _options.DocumentRecordTypes) != 0;
        Add(record with { HasPayload = selected, Payload = selected ? _window.Slice(headerLength, length) : default });
        if (repair is not null)
        {
            AddDamage(WarcReasons.BadContentLength, record.DecodedOffset, repair, record.SourceOffset);
        }

        _consumeBeforeNext = consumed;
    }

    /// <summary>
    /// Where a Content-Length runs past the end of the record's gzip member: the window offset of the first member start
    /// inside the declared payload that starts a record, or -1. Reads no further than the declared end (at most
    /// <see cref="WarcReaderOptions.MaxRecordBytes"/>), so a lying length is never buffered.
    /// </summary>
    private int FindMemberCut(int headerLength, long declared)
    {
        if (!_input.HasMemberBoundaries)
        {
            return -1;
        }

        long payloadStart = _window.Position + headerLength;
        int limit = headerLength + (int)Math.Min(declared, _options.MaxRecordBytes);
        long from = payloadStart;
        while (true)
        {
            long boundary = _input.MemberStartAfter(from);
            if (boundary < 0)
            {
                // The record's member has not ended within what was read: read on until the declared end is covered.
                if (_window.Available >= limit + MaxTrailer + 6 || !_window.More())
                {
                    return -1;
                }

                continue;
            }

            if (boundary - payloadStart >= declared || boundary - _window.Position > limit)
            {
                return -1;
            }

            int offset = (int)(boundary - _window.Position);
            if (_scanner.IsRecordStartAt(offset))
            {
                return offset;
            }

            from = boundary;
        }
    }

    /// <summary>Where a payload that is followed at <paramref name="consumed"/> by the next record ends: before its trailing newlines.</summary>
    private int PayloadEnd(int headerLength, int consumed)
    {
        int actual = consumed;
        while (actual > headerLength && consumed - actual < MaxTrailer && IsNewline(_window.Span[actual - 1]))
        {
            actual--;
        }

        return actual;
    }

    /// <summary>Whether the bytes at <paramref name="end"/> close a record: the blank-line trailer, the end of data, or (leniently)
    /// fewer newlines followed directly by the next record.</summary>
    private bool TrailerOk(int end, out int run)
    {
        ReadOnlySpan<byte> span = _window.Span;
        run = 0;
        while (run < MaxTrailer && end + run < span.Length && IsNewline(span[end + run]))
        {
            run++;
        }

        ReadOnlySpan<byte> rest = span[end..];
        if (rest.StartsWith("\r\n\r\n"u8) || rest.StartsWith("\n\n"u8) || (_scanner.Format == ArchiveFormat.Arc && run > 0))
        {
            return true;
        }

        // Right after a record any "WARC/" line is taken as the next record, even with a bad version (it is reported there).
        return end + run >= span.Length || span[(end + run)..].StartsWith("WARC/"u8) || _scanner.IsRecordStartAt(end + run);
    }

    /// <summary>
    /// Skips up to <paramref name="count"/> payload bytes without buffering them; returns the bytes skipped. Stops early when
    /// the data ends, or at a gzip member start that starts a record (<paramref name="memberCut"/>): the length ran past the
    /// record's member.
    /// </summary>
    private long SkipPayload(long count, out bool memberCut)
    {
        long start = _window.Position;
        long end = start + count;
        long from = start;
        memberCut = false;
        while (_window.Position < end)
        {
            long boundary = _input.MemberStartAfter(from);
            if (boundary == _window.Position)
            {
                if (_scanner.IsRecordStartAt(0))
                {
                    memberCut = true;
                    break;
                }

                from = boundary;
                continue;
            }

            if (_window.Available == 0)
            {
                if (!_window.More())
                {
                    break;
                }

                // The read may have started a member right here.
                continue;
            }

            long stop = boundary > _window.Position && boundary < end ? boundary : end;
            _window.Advance((int)Math.Min(stop - _window.Position, _window.Available));
        }

        return _window.Position - start;
    }

    private void DrainInputDamage()
    {
        while (_input.TryTakeDamage(out InputDamage damage))
        {
            _ready.Enqueue(new WarcRecord
            {
                Kind = WarcEntryKind.Damage,
                Problem = damage.Reason,
                SourceOffset = damage.Offset,
                DecodedOffset = -1,
                Detail = $"{damage.Length} compressed bytes at offset {damage.Offset}",
            });
        }
    }

    private void Add(WarcRecord record) => _ready.Enqueue(record);

    /// <summary>Adds a record cut short by the end of the data. When the file ends inside a gzip member, that is the same
    /// damage: it is counted once, on the record (<c>warc.truncated</c>, not also <c>gzip.truncated</c>).</summary>
    private void AddTruncated(WarcRecord record, string detail)
    {
        if (_input.TryTakeTruncation(out InputDamage damage))
        {
            detail += $"; the file ends inside the gzip member at offset {damage.Offset}";
        }

        Add(Damaged(record, WarcReasons.Truncated, detail));
    }

    private void AddDamage(string reason, long decodedOffset, string detail, long? sourceOffset = null) =>
        _ready.Enqueue(new WarcRecord
        {
            Kind = WarcEntryKind.Damage,
            Problem = reason,
            SourceOffset = sourceOffset ?? _input.SourceOffsetOf(decodedOffset),
            DecodedOffset = decodedOffset,
            Detail = detail,
        });

    private static WarcRecord Damaged(WarcRecord record, string reason, string detail) => record with { Problem = reason, Detail = detail };

    private static bool IsNewline(byte b) => b is (byte)'\r' or (byte)'\n';
}
