namespace CurationPipeline.Pipelines.Graph;

/// <summary>
/// The deepest folder that holds every input file of a run; documents record their source file relative to it.
/// </summary>
/// <remarks>
/// A document's identity (<see cref="Documents.DocumentIdentity"/>) includes its source file, and every seeded choice of the
/// global passes is ordered by that identity. Naming the file relative to the run's inputs rather than by its full path keeps
/// the output bytes the same when the crawl folder is moved, mounted elsewhere or read from blob storage
/// (<c>/data/crawl/a.warc.gz</c> and <c>az://bucket/crawl/a.warc.gz</c> are both <c>a.warc.gz</c> when they are the only input).
/// Every task of a run resolves the same input list, so every task derives the same root.
/// </remarks>
public sealed class InputRoot
{
    private InputRoot(string path) => Path = path;

    /// <summary>The common folder with its trailing <c>/</c>, or empty when the inputs share none.</summary>
    public string Path { get; }

    /// <summary>The root of <paramref name="inputs"/>: the longest folder prefix, ending in <c>/</c>, that all of them share.</summary>
    /// <param name="inputs">The run's resolved input files (paths as the storage names them, <c>/</c>-separated).</param>
    public static InputRoot Of(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            return new InputRoot(string.Empty);
        }

        ReadOnlySpan<char> common = inputs[0].AsSpan(0, inputs[0].LastIndexOf('/') + 1);
        for (int i = 1; i < inputs.Count && common.Length > 0; i++)
        {
            int shared = common.CommonPrefixLength(inputs[i]);
            common = common[..(common[..shared].LastIndexOf('/') + 1)];
        }

        return new InputRoot(common.ToString());
    }

    /// <summary>The name a document records for <paramref name="file"/>: its path below the root.</summary>
    /// <exception cref="ArgumentException"><paramref name="file"/> is not below the root.</exception>
    public string NameOf(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.StartsWith(Path, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Input '{file}' is not below the run's input root '{Path}'.", nameof(file));
        }

        return file[Path.Length..];
    }
}
