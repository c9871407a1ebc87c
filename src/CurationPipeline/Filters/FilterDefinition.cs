namespace CurationPipeline.Filters;

/// <summary>
/// One kind of filter as a pipeline sees it: its YAML key under <c>filters:</c>, its options record, how to validate the
/// options and build the filter, its signals record (whose members become the <c>{key}.{member}</c> annotated columns), and
/// the options that name files (resolved against the pipeline file and checked to exist before any work).
/// </summary>
/// <remarks>
/// Definitions are immutable; <see cref="WithFile"/> and <see cref="WithFolder"/> return new instances. They are listed in
/// <see cref="FilterRegistry"/>, the one place a filter is registered.
/// </remarks>
public sealed class FilterDefinition
{
    private readonly Func<object, ITextFilter> _create;
    private readonly Action<object> _validate;
    private readonly IReadOnlyList<PathOption> _paths;
    private readonly Func<object, IEnumerable<(string Signal, double? Value)>> _thresholds = static _ => [];

    private FilterDefinition(string key, Type optionsType, Type signalsType, Func<object, ITextFilter> create, Action<object> validate, IReadOnlyList<PathOption> paths,
        Func<object, IEnumerable<(string Signal, double? Value)>>? thresholds = null)
    {
        _thresholds = thresholds ?? _thresholds;
        Key = key;
        OptionsType = optionsType;
        SignalsType = signalsType;
        _create = create;
        _validate = validate;
        _paths = paths;
    }

    /// <summary>The YAML key (<c>- fineweb: {…}</c>), which is also the filter's <see cref="ITextFilter.Name"/>, the prefix of its reason codes and of its columns.</summary>
    public string Key { get; }

    /// <summary>The options record the key's value binds to.</summary>
    public Type OptionsType { get; }

    /// <summary>The signals record <see cref="FilterOutcome.Signals"/> holds; its public members are the filter's columns.</summary>
    public Type SignalsType { get; }

    /// <summary>Defines a filter.</summary>
    /// <typeparam name="TOptions">The options record.</typeparam>
    /// <typeparam name="TSignals">The signals record the filter returns in <see cref="FilterOutcome.Signals"/>.</typeparam>
    /// <param name="key">The YAML key and filter name, in snake_case.</param>
    /// <param name="create">Builds the filter from validated options.</param>
    /// <param name="validate">Checks the options, throwing <see cref="ArgumentException"/> that names the property.</param>
    /// <returns>The definition, with no file options.</returns>
    public static FilterDefinition For<TOptions, TSignals>(string key, Func<TOptions, ITextFilter> create, Action<TOptions> validate)
        where TOptions : class
        where TSignals : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(validate);
        return new FilterDefinition(key, typeof(TOptions), typeof(TSignals), o => create((TOptions)o), o => validate((TOptions)o), []);
    }

    /// <summary>Declares an option that names a file, relative to the pipeline file.</summary>
    /// <typeparam name="TOptions">The options record (as given to <see cref="For{TOptions, TSignals}"/>).</typeparam>
    /// <param name="get">Reads the path (<c>null</c> when not set).</param>
    /// <param name="set">Returns the options with the path replaced.</param>
    /// <returns>A new definition with the file option added.</returns>
    public FilterDefinition WithFile<TOptions>(Func<TOptions, string?> get, Func<TOptions, string?, TOptions> set) where TOptions : class =>
        With(get, set, isDirectory: false);

    /// <summary>Declares an option that names a list of files, each relative to the pipeline file.</summary>
    /// <typeparam name="TOptions">The options record (as given to <see cref="For{TOptions, TSignals}"/>).</typeparam>
    /// <param name="get">Reads the paths.</param>
    /// <param name="set">Returns the options with the paths replaced (same count, same order).</param>
    /// <returns>A new definition with the file list option added.</returns>
    public FilterDefinition WithFiles<TOptions>(Func<TOptions, IReadOnlyList<string>> get, Func<TOptions, IReadOnlyList<string>, TOptions> set) where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        return AddPaths<TOptions>(o => get(o), (o, paths) => set(o, [.. paths.Select(p => p!)]), isDirectory: false);
    }

    /// <summary>Declares an option that names a folder, relative to the pipeline file.</summary>
    /// <typeparam name="TOptions">The options record (as given to <see cref="For{TOptions, TSignals}"/>).</typeparam>
    /// <param name="get">Reads the path (<c>null</c> when not set).</param>
    /// <param name="set">Returns the options with the path replaced.</param>
    /// <returns>A new definition with the folder option added.</returns>
    public FilterDefinition WithFolder<TOptions>(Func<TOptions, string?> get, Func<TOptions, string?, TOptions> set) where TOptions : class =>
        With(get, set, isDirectory: true);

    /// <summary>Checks <paramref name="options"/>.</summary>
    /// <param name="options">An instance of <see cref="OptionsType"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the parameter name is the property.</exception>
    public void Validate(object options) => _validate(Checked(options));

    /// <summary>Validates <paramref name="options"/> and builds the filter.</summary>
    /// <param name="options">An instance of <see cref="OptionsType"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The filter's name is not <see cref="Key"/>.</exception>
    public ITextFilter Create(object options)
    {
        Validate(options);
        ITextFilter filter = _create(options);
        if (!string.Equals(filter.Name, Key, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Filter '{Key}' built a filter named '{filter.Name}': the key, the name and the reason prefix must agree.");
        }

        return filter;
    }

    /// <summary>The paths <paramref name="options"/> names, in declaration order, with whether each is a folder.</summary>
    /// <param name="options">An instance of <see cref="OptionsType"/>.</param>
    /// <returns>Every declared path option, <c>null</c> where not set.</returns>
    public IEnumerable<(string? Path, bool IsDirectory)> Paths(object options)
    {
        Checked(options);
        return _paths.SelectMany(p => p.Get(options).Select(path => (path, p.IsDirectory)));
    }

    /// <summary>Returns <paramref name="options"/> with every path option passed through <paramref name="resolve"/>.</summary>
    /// <param name="options">An instance of <see cref="OptionsType"/>.</param>
    /// <param name="resolve">Maps a path (or <c>null</c>) to its resolved form.</param>
    /// <returns>The options with resolved paths.</returns>
    public object ResolvePaths(object options, Func<string?, string?> resolve)
    {
        Checked(options);
        foreach (PathOption path in _paths)
        {
            options = path.Set(options, [.. path.Get(options).Select(resolve)]);
        }

        return options;
    }

    /// <summary>Declares which options are thresholds on which signals (the report marks them on the signal's histogram).</summary>
    /// <typeparam name="TOptions">The options record (as given to <see cref="For{TOptions, TSignals}"/>).</typeparam>
    /// <param name="thresholds">The (signal member in snake_case, value) pairs of some options; a <c>null</c> value (rule off) is skipped.</param>
    /// <returns>A new definition with the thresholds declared.</returns>
    public FilterDefinition WithThresholds<TOptions>(Func<TOptions, IEnumerable<(string Signal, double? Value)>> thresholds) where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (typeof(TOptions) != OptionsType)
        {
            throw new ArgumentException($"Filter '{Key}' takes {OptionsType.Name}, not {typeof(TOptions).Name}.", nameof(thresholds));
        }

        return new FilterDefinition(Key, OptionsType, SignalsType, _create, _validate, _paths, o => thresholds((TOptions)o));
    }

    /// <summary>The thresholds <paramref name="options"/> sets, by annotated column (<c>{key}.{signal}</c>).</summary>
    /// <param name="options">An instance of <see cref="OptionsType"/>.</param>
    /// <returns>Every threshold that is on.</returns>
    public IReadOnlyList<(string Column, double Value)> Thresholds(object options) =>
        [.. _thresholds(Checked(options)).Where(t => t.Value is not null).Select(t => ($"{Key}.{t.Signal}", t.Value!.Value))];

    private FilterDefinition With<TOptions>(Func<TOptions, string?> get, Func<TOptions, string?, TOptions> set, bool isDirectory) where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        return AddPaths<TOptions>(o => [get(o)], (o, paths) => set(o, paths[0]), isDirectory);
    }

    private FilterDefinition AddPaths<TOptions>(Func<TOptions, IReadOnlyList<string?>> get, Func<TOptions, IReadOnlyList<string?>, TOptions> set, bool isDirectory)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        if (typeof(TOptions) != OptionsType)
        {
            throw new ArgumentException($"Filter '{Key}' takes {OptionsType.Name}, not {typeof(TOptions).Name}.", nameof(get));
        }

        var path = new PathOption(o => get((TOptions)o), (o, p) => set((TOptions)o, p), isDirectory);
        return new FilterDefinition(Key, OptionsType, SignalsType, _create, _validate, [.. _paths, path], _thresholds);
    }

    private object Checked(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OptionsType.IsInstanceOfType(options)
            ? options
            : throw new ArgumentException($"Filter '{Key}' takes {OptionsType.Name}, not {options.GetType().Name}.", nameof(options));
    }

    /// <summary>One path option, or one list of them: read and replaced as a list (one entry for a single path).</summary>
    private sealed record PathOption(Func<object, IReadOnlyList<string?>> Get, Func<object, IReadOnlyList<string?>, object> Set, bool IsDirectory);
}
