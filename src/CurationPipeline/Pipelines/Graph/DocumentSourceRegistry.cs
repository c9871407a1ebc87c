using CurationPipeline.Documents;

namespace CurationPipeline.Pipelines.Graph;

/// <summary>Chooses the <see cref="IDocumentSource"/> for an input file by its name.</summary>
public sealed class DocumentSourceRegistry
{
    private readonly List<(Func<string, bool> CanRead, IDocumentSource Source, string Accepts)> _sources = [];

    /// <summary>Registers <paramref name="source"/> for files <paramref name="canRead"/> accepts; earlier registrations win.</summary>
    /// <param name="canRead">Whether the source reads a file, by its name.</param>
    /// <param name="source">The reader.</param>
    /// <param name="accepts">The names it reads, for the error about a file nothing reads (<c>JSON Lines (.jsonl, .ndjson, .json, each also .gz)</c>).</param>
    /// <returns>This registry, for chaining.</returns>
    public DocumentSourceRegistry Add(Func<string, bool> canRead, IDocumentSource source, string accepts)
    {
        ArgumentNullException.ThrowIfNull(canRead);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(accepts);
        _sources.Add((canRead, source, accepts));
        return this;
    }

    /// <summary>The source for <paramref name="path"/>, or <c>null</c> when no registered source reads it.</summary>
    public IDocumentSource? Find(string path)
    {
        foreach ((Func<string, bool> canRead, IDocumentSource source, _) in _sources)
        {
            if (canRead(path))
            {
                return source;
            }
        }

        return null;
    }

    /// <summary>Fails before any work when a source reads none of <paramref name="files"/>' names: a skipped input is silently missing data.</summary>
    /// <param name="files">The input files.</param>
    /// <exception cref="ArgumentException">A file has no reader; the message names it and the accepted names.</exception>
    public void CheckReadable(IEnumerable<string> files)
    {
        string[] unreadable = [.. files.Where(f => Find(f) is null)];
        if (unreadable.Length > 0)
        {
            throw new ArgumentException(
                $"{unreadable.Length} input file(s) of no known type, e.g. '{string.Join("', '", unreadable.Take(3))}'. Inputs are "
                + string.Join("; ", _sources.Select(s => s.Accepts)) + ": rename them, or narrow input.paths / --input with a glob.", nameof(files));
        }
    }
}
