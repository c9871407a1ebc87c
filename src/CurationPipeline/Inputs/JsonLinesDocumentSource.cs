using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using CurationPipeline.Documents;
using CurationPipeline.Inputs.Internal;
using CurationPipeline.Storage;

namespace CurationPipeline.Inputs;

/// <summary>Reads JSON Lines files (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>, optionally <c>.gz</c>) as text documents.</summary>
/// <remarks>
/// Each non-blank line is one object: <c>text</c> (required string), <c>id</c> (string or number; derived as
/// <c>{file name}:{line number}</c> when absent), <c>url</c> (optional string), <c>date</c> (optional ISO-8601 string; an
/// unparseable date is left unset). Other fields are ignored. Every non-blank line yields exactly one item; damaged lines become
/// rejections with an <see cref="InputReasons"/> code. A line longer than <see cref="JsonLinesOptions.MaxLineBytes"/> is skipped
/// while streaming, so memory stays bounded by that limit. Thread-safe: one instance can read many files concurrently.
/// </remarks>
public sealed class JsonLinesDocumentSource : IDocumentSource
{
    private static readonly string[] s_extensions = [".jsonl", ".ndjson", ".json"];
    private readonly JsonLinesOptions _options;

    /// <summary>Creates a source.</summary>
    /// <param name="options">Limits; validated here. Defaults when <c>null</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public JsonLinesDocumentSource(JsonLinesOptions? options = null)
    {
        _options = options ?? new JsonLinesOptions();
        _options.Validate();
    }

    /// <summary>Whether <paramref name="path"/> has a JSON Lines extension (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>, each optionally <c>.gz</c>).</summary>
    /// <param name="path">A file path.</param>
    /// <returns><c>true</c> when this source reads the file.</returns>
    public static bool CanRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ReadOnlySpan<char> name = IsGzip(path) ? path.AsSpan(0, path.Length - 3) : path;
        foreach (string extension in s_extensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SourceItem> ReadAsync(IStorage storage, string path,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(path);
        Stream file = storage.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            Stream input = IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
            await using (input.ConfigureAwait(false))
            {
                var lines = new JsonLineReader(PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 1 << 16, leaveOpen: true)),
                    _options.MaxLineBytes);
                await foreach (SourceItem item in lines.ReadAsync(path, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    private static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
}
