using CurationPipeline.Warc.Internal;

namespace CurationPipeline.Warc;

/// <summary>
/// Streams the records of a WARC (1.0, 1.1, 0.18), WET or ARC v1 file, uncompressed, gzip per record or whole-file gzip
/// (detected by magic bytes). Damage never throws: unreadable regions become <see cref="WarcEntryKind.Damage"/> entries
/// and damaged records carry a <see cref="WarcRecord.Problem"/>, and reading resumes at the next gzip member or record.
/// </summary>
/// <remarks>
/// Gzip is decoded member by member with native zlib (the runtime's zlib-ng, else the system libz), so every record knows
/// its member's compressed offset and a corrupt member is skipped; without either, a GZipStream fallback reads intact
/// files but cannot resync after damage.
/// A payload is only valid until the next <see cref="MoveNext"/>. Not thread-safe. Memory is bounded by
/// <see cref="WarcReaderOptions.MaxRecordBytes"/> plus <see cref="WarcReaderOptions.MaxHeaderBytes"/>.
/// </remarks>
public sealed class WarcReader : IDisposable
{
    private readonly DecodedInput _input;
    private readonly RecordFramer _framer;
    private WarcRecord? _current;

    /// <summary>Opens a reader over <paramref name="stream"/> (read from its current position).</summary>
    /// <param name="stream">The file bytes.</param>
    /// <param name="options">Limits and record selection; validated here.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public WarcReader(Stream stream, WarcReaderOptions options, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _input = DecodedInput.Open(stream, leaveOpen);
        _framer = new RecordFramer(_input, options);
    }

    /// <summary>Reads from an already chosen decoder (tests use it to run the managed gzip fallback).</summary>
    internal WarcReader(DecodedInput input, WarcReaderOptions options)
    {
        options.Validate();
        _input = input;
        _framer = new RecordFramer(_input, options);
    }

    /// <summary>Whether the input is gzip-compressed.</summary>
    public bool IsCompressed => _input.IsCompressed;

    /// <summary>The entry read by the last successful <see cref="MoveNext"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="MoveNext"/> has not returned true.</exception>
    public WarcRecord Current => _current ?? throw new InvalidOperationException("Call MoveNext first.");

    /// <summary>Reads the next record or damage entry.</summary>
    /// <returns><c>false</c> at the end of the file.</returns>
    /// <exception cref="IOException">The underlying stream failed (infrastructure, not damage).</exception>
    public bool MoveNext()
    {
        return _framer.TryNext(out _current);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _framer.Dispose();
        _input.Dispose();
    }
}
