using System.Buffers;
using System.Runtime.CompilerServices;
using CurationPipeline.Documents;
using CurationPipeline.Storage;
using CurationPipeline.Warc.Internal;

namespace CurationPipeline.Warc;

/// <summary>
/// The read stage for WARC, WET and ARC files: one <see cref="SourceItem"/> per record (an HTML or text document, or a
/// <see cref="Rejection"/> with stage <c>read</c>), plus one error rejection per damaged region that is not a record.
/// </summary>
/// <remarks>
/// Responses become <see cref="ContentKind.Html"/> documents only for 2xx HTML (declared <c>text/html</c> or
/// <c>application/xhtml+xml</c>, or sniffed when the type is missing); WET <c>conversion</c> records become
/// <see cref="ContentKind.Text"/>. A record whose Content-Length was wrong but whose end could be found is still read,
/// and the wrong length is reported as an extra <see cref="WarcReasons.BadContentLength"/> rejection. Damage never throws;
/// only storage failures do. Thread-safe: each <see cref="ReadAsync"/> call has its own reader. An HTML document's
/// <see cref="RawDocument.Content"/> is rented from <see cref="ArrayPool{T}.Shared"/>: dispose it when done (extraction does).
/// </remarks>
public sealed class WarcDocumentSource : IDocumentSource
{
    private static readonly string[] s_extensions = [".warc", ".arc", ".wet", ".wat", ".warc.txt"];

    private readonly WarcReaderOptions _options;
    private readonly ArrayPool<char> _textPool;

    /// <summary>Creates the source.</summary>
    /// <param name="options">Limits and record selection.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public WarcDocumentSource(WarcReaderOptions options)
        : this(options, ArrayPool<char>.Shared)
    {
    }

    /// <summary>Creates the source with the pool HTML text is rented from (tests pass one that checks every return).</summary>
    internal WarcDocumentSource(WarcReaderOptions options, ArrayPool<char> textPool)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _textPool = textPool;
    }

    /// <summary>Whether this source reads <paramref name="path"/>, by extension: <c>.warc</c>, <c>.arc</c>, <c>.wet</c>,
    /// <c>.wat</c> (each optionally <c>.gz</c>), and the same with a trailing <c>.open</c> or <c>.bad</c> (test fixtures).</summary>
    /// <param name="path">A file name or path.</param>
    /// <returns><c>true</c> when the name has one of those extensions (any case).</returns>
    public static bool CanRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ReadOnlySpan<char> name = Path.GetFileName(path.AsSpan());
        foreach (string suffix in (ReadOnlySpan<string>)[".open", ".bad", ".gz"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        foreach (string extension in s_extensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && name.Length > extension.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The storage failed while reading.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async IAsyncEnumerable<SourceItem> ReadAsync(IStorage storage, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new WarcReader(storage.OpenRead(path), _options);
        var converter = new RecordConverter(_options, path, _textPool);
        int count = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!reader.MoveNext())
            {
                yield break;
            }

            yield return converter.Convert(reader.Current);
            if (++count % 64 == 0)
            {
                // Reading is synchronous over a local stream; give the thread back now and then so a consumer block is never starved.
                await Task.Yield();
            }
        }
    }
}
