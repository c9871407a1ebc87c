using CurationPipeline.Documents;

namespace CurationPipeline.Pipelines.Graph;

/// <summary>Chooses the <see cref="IDocumentSource"/> for an input file by its name.</summary>
public sealed class DocumentSourceRegistry
{
    private readonly List<(Func<string, bool> CanRead, IDocumentSource Source)> _sources = [];

    /// <summary>Registers <paramref name="source"/> for files <paramref name="canRead"/> accepts; earlier registrations win.</summary>
    /// <returns>This registry, for chaining.</returns>
    public DocumentSourceRegistry Add(Func<string, bool> canRead, IDocumentSource source)
    {
        ArgumentNullException.ThrowIfNull(canRead);
        ArgumentNullException.ThrowIfNull(source);
        _sources.Add((canRead, source));
        return this;
    }

    /// <summary>The source for <paramref name="path"/>, or <c>null</c> when no registered source reads it.</summary>
    public IDocumentSource? Find(string path)
    {
        foreach ((Func<string, bool> canRead, IDocumentSource source) in _sources)
        {
            if (canRead(path))
            {
                return source;
            }
        }

        return null;
    }
}
