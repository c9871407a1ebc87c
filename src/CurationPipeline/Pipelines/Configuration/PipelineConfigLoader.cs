using CurationPipeline.Classifiers;
using CurationPipeline.Configuration;
using CurationPipeline.Configuration.Internal;
using CurationPipeline.Pipelines.Configuration.Internal;
using CurationPipeline.Tokenization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace CurationPipeline.Pipelines.Configuration;

/// <summary>Reads a pipeline YAML file into <see cref="PipelineOptions"/>, failing before any work on unknown keys and bad values.</summary>
public static class PipelineConfigLoader
{
    private static readonly IDeserializer s_deserializer = YamlConfigReader.CreateBuilder()
        .WithTypeConverter(new DurationYamlConverter())
        .WithTypeConverter(new ImmutableArrayYamlConverter())
        .WithTypeConverter(new FilterSpecYamlConverter())
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .WithTypeMapping<IReadOnlyCollection<string>, List<string>>()
        .WithTypeMapping<IReadOnlyDictionary<string, string>, Dictionary<string, string>>()
        .WithTypeMapping<IReadOnlyList<FilterSpec>, List<FilterSpec>>()
        .WithTypeMapping<IReadOnlyList<OnnxClassifierOptions>, List<OnnxClassifierOptions>>()
        .WithTypeMapping<IReadOnlyDictionary<string, IReadOnlyList<double>>, Dictionary<string, IReadOnlyList<double>>>()
        .WithTypeMapping<IReadOnlyList<double>, List<double>>()
        .Build();

    /// <summary>Loads and validates the pipeline at <paramref name="path"/>; relative input and output paths resolve against its folder.</summary>
    /// <exception cref="PipelineConfigException">The file is not valid YAML, has an unknown key, or a value is out of range; the message names the line and key.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static PipelineOptions Load(string path)
    {
        string yaml = File.ReadAllText(path);
        PipelineOptions options = Parse(yaml, path, out YamlStream stream);
        string baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        PipelineOptions resolved = ResolvePaths(options, baseDirectory);
        CheckReferencedFiles(options, resolved, stream, path);
        return resolved;
    }

    /// <summary>Parses and validates pipeline YAML text; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="PipelineConfigException">The text is invalid; the message names the line and key.</exception>
    public static PipelineOptions Parse(string yaml, string sourceName) => Parse(yaml, sourceName, out _);

    private static PipelineOptions Parse(string yaml, string sourceName, out YamlStream stream)
    {
        PipelineOptions options = YamlConfigReader.Deserialize<PipelineOptions>(s_deserializer, yaml, sourceName, out stream);
        foreach ((string section, Action validate) in options.Validators())
        {
            YamlConfigReader.Validate(stream, sourceName, section, validate);
        }

        return options;
    }

    /// <summary>Every file or folder the pipeline names is relative to the pipeline file, as the README promises.</summary>
    private static PipelineOptions ResolvePaths(PipelineOptions options, string baseDirectory)
    {
        string? Opt(string? path) => string.IsNullOrEmpty(path) ? path : Resolve(baseDirectory, path);
        TokenizerOptions tokenize = options.Tokenize with
        {
            Path = Opt(options.Tokenize.Path),
            // A tokenizer file may also be given as the name (tokenize: { name: tok/tokenizer.json }).
            Name = options.Tokenize.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || options.Tokenize.Name.EndsWith(".model", StringComparison.OrdinalIgnoreCase)
                ? Resolve(baseDirectory, options.Tokenize.Name)
                : options.Tokenize.Name,
        };
        FilterSpec[] filters = [.. options.Filters.Select(f => f.ResolvePaths(Opt))];
        return options with
        {
            Input = options.Input with { Paths = options.Input.Paths.Select(p => Resolve(baseDirectory, p)).ToArray() },
            Output = Opt(options.Output),
            Mix = Opt(options.Mix),
            Classifiers = options.Classifiers.Select(c => Resolve(baseDirectory, c)).ToArray(),
            OnnxClassifiers = options.OnnxClassifiers
                .Select(o => o with { ModelPath = Opt(o.ModelPath)!, TokenizerDirectory = Opt(o.TokenizerDirectory) })
                .ToArray(),
            Tokenize = tokenize,
            Filters = filters,
            Semantic = options.Semantic with
            {
                Heads = options.Semantic.Heads.Select(h => Resolve(baseDirectory, h)).ToArray(),
                Embedding = options.Semantic.Embedding with
                {
                    ModelDirectory = Opt(options.Semantic.Embedding.ModelDirectory),
                    ModelCacheDirectory = Opt(options.Semantic.Embedding.ModelCacheDirectory),
                },
            },
        };
    }

    /// <summary>Every file and folder the pipeline names must exist before any work: a missing one is a configuration error naming its key.</summary>
    private static void CheckReferencedFiles(PipelineOptions raw, PipelineOptions resolved, YamlStream stream, string sourceName)
    {
        foreach (((string? Path, bool IsDirectory) given, (string? Path, bool IsDirectory) full) in ReferencedPaths(raw).Zip(ReferencedPaths(resolved)))
        {
            if (string.IsNullOrEmpty(given.Path) || full.Path!.Contains("://", StringComparison.Ordinal)
                || (full.IsDirectory ? Directory.Exists(full.Path) : File.Exists(full.Path)))
            {
                continue;
            }

            (string Path, Mark Start)? entry = YamlLocator.FindValue(stream, given.Path);
            string what = full.IsDirectory ? "folder" : "file";
            throw new PipelineConfigException(sourceName, entry?.Start.Line ?? 0, entry?.Start.Column ?? 0,
                $"'{entry?.Path ?? given.Path}': {what} '{full.Path}' does not exist (relative paths resolve against the pipeline file's folder).");
        }
    }

    /// <summary>The files and folders a pipeline names, in a fixed order (so raw and resolved options pair up).</summary>
    internal static IEnumerable<(string? Path, bool IsDirectory)> ReferencedPaths(PipelineOptions options)
    {
        yield return (options.Mix, false);
        foreach (string classifier in options.Classifiers)
        {
            yield return (classifier, false);
        }

        foreach (OnnxClassifierOptions onnx in options.OnnxClassifiers)
        {
            yield return (onnx.ModelPath, false);
            yield return (onnx.TokenizerDirectory, true);
        }

        yield return (options.Tokenize.Path, false);
        bool tokenizerFile = options.Tokenize.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || options.Tokenize.Name.EndsWith(".model", StringComparison.OrdinalIgnoreCase);
        yield return (tokenizerFile ? options.Tokenize.Name : null, false);
        foreach ((string? Path, bool IsDirectory) path in options.Filters.SelectMany(f => f.ReferencedPaths()))
        {
            yield return path;
        }

        foreach (string head in options.Semantic.Heads)
        {
            yield return (head, false);
        }

        yield return (options.Semantic.Embedding.ModelDirectory, true);
    }

    private static string Resolve(string baseDirectory, string path) =>
        Path.IsPathRooted(path) || path.Contains("://", StringComparison.Ordinal) ? path : Path.Combine(baseDirectory, path);
}
