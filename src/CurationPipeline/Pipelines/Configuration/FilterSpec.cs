using CurationPipeline.Filters;

namespace CurationPipeline.Pipelines.Configuration;

/// <summary>
/// One entry of the <c>filters:</c> list: exactly one filter, named by its <see cref="FilterRegistry"/> key, with its options,
/// e.g. <c>- gopher_quality: { min_doc_words: 50 }</c>.
/// </summary>
/// <param name="Key">The filter's YAML key.</param>
/// <param name="Options">The options record of that filter (<see cref="FilterDefinition.OptionsType"/>); <c>null</c> when the key has no value.</param>
public sealed record FilterSpec(string Key, object? Options)
{
    /// <summary>The registered definition of <see cref="Key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No filter is registered as <see cref="Key"/>.</exception>
    public FilterDefinition Definition => FilterRegistry.Default.Get(Key);

    /// <summary>Checks that the entry names a registered filter with options, and that the options are valid.</summary>
    /// <exception cref="ArgumentException">The key is not registered, the options are missing, or an option is out of range.</exception>
    public void Validate()
    {
        if (!FilterRegistry.Default.TryGet(Key, out FilterDefinition? definition))
        {
            throw new ArgumentException($"Unknown filter '{Key}' (known: {FilterRegistry.Default.KnownKeys}).", "Filters");
        }

        if (Options is null)
        {
            throw new ArgumentException($"Filter '{Key}' has no options: write '{Key}: {{}}' for the defaults.", "Filters");
        }

        definition.Validate(Options);
    }

    /// <summary>Builds the one filter this entry names.</summary>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">The entry is not valid (see <see cref="Validate"/>).</exception>
    public ITextFilter Create()
    {
        Validate();
        return Definition.Create(Options!);
    }

    /// <summary>The files and folders the options name, in a fixed order.</summary>
    internal IEnumerable<(string? Path, bool IsDirectory)> ReferencedPaths() =>
        Options is null || !FilterRegistry.Default.TryGet(Key, out FilterDefinition? definition) ? [] : definition.Paths(Options);

    /// <summary>This entry with every path option passed through <paramref name="resolve"/>.</summary>
    internal FilterSpec ResolvePaths(Func<string?, string?> resolve) =>
        Options is null || !FilterRegistry.Default.TryGet(Key, out FilterDefinition? definition) ? this : this with { Options = definition.ResolvePaths(Options, resolve) };
}
