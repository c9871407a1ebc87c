using CurationPipeline.Storage;
using CurationPipeline.Configuration;
using CurationPipeline.Mixing;
using CurationPipeline.Training.Ablation.Internal;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace CurationPipeline.Training.Ablation;

/// <summary>Reads an ablation YAML file and validates it, the mixes included, before any work.</summary>
/// <remarks>
/// Keys: <c>tagged</c> and <c>output</c> (relative paths resolve against the file's folder), <c>preset</c>, <c>seeds</c>, <c>training_tokens</c>,
/// <c>mix_tokens</c>, <c>training</c> (the snake_case keys of <see cref="Loop.TrainingOptions"/>, except <c>max_steps</c>, which is
/// derived, and <c>batch_stages</c>), and <c>mixes</c>: a mapping from mix name to either a mix YAML path (relative to the file's
/// folder) or an inline mix (the keys of <c>curate mix</c>). Inline mixes can share their filters and domain rules through YAML
/// anchors (<c>&amp;rules</c> / <c>*rules</c>).
/// </remarks>
public static class AblationConfigLoader
{
    private static readonly IDeserializer s_deserializer = YamlConfigReader.CreateBuilder().Build();

    /// <summary>Loads and validates the ablation at <paramref name="path"/>.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="PipelineConfigException">The file, or a mix it names, is invalid; the message names the key.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static AblationOptions Load(string path)
    {
        string full = Path.GetFullPath(path);
        return Parse(File.ReadAllText(full), full, Path.GetDirectoryName(full)!);
    }

    /// <summary>Parses and validates ablation YAML text.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="sourceName">Names the text in errors.</param>
    /// <param name="baseDirectory">Relative paths (tagged, output, mix files) resolve against this folder.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="PipelineConfigException">The text is invalid; the message names the line or key.</exception>
    public static AblationOptions Parse(string yaml, string sourceName, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        AblationFile file = YamlConfigReader.Deserialize<AblationFile>(s_deserializer, yaml, sourceName, out YamlStream stream);
        YamlMappingNode root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping ? mapping : new YamlMappingNode();
        if (string.IsNullOrWhiteSpace(file.Tagged) || string.IsNullOrWhiteSpace(file.Output))
        {
            throw Error(sourceName, string.IsNullOrWhiteSpace(file.Tagged) ? "tagged" : "output", "is required");
        }

        if (Child(root, "training") is YamlMappingNode training && (Child(training, "max_steps") is not null || Child(training, "batch_stages") is not null))
        {
            throw Error(sourceName, "training", "max_steps and batch_stages are not allowed: the steps are training_tokens / batch_tokens");
        }

        var options = new AblationOptions
        {
            TaggedDirectory = RoutingStorage.FullPath(file.Tagged, baseDirectory),
            OutputDirectory = Path.GetFullPath(file.Output, baseDirectory),
            Mixes = ReadMixes(Child(root, "mixes"), sourceName, baseDirectory),
            MixTokens = file.MixTokens,
        };
        options = options with
        {
            Preset = file.Preset ?? options.Preset,
            Seeds = file.Seeds ?? options.Seeds,
            TrainingTokens = file.TrainingTokens ?? options.TrainingTokens,
            Training = file.Training ?? options.Training,
        };
        YamlConfigReader.Validate(stream, sourceName, section: null, options.Validate);
        return options;
    }

    private static List<AblationMix> ReadMixes(YamlNode? node, string sourceName, string baseDirectory)
    {
        if (node is not YamlMappingNode mixes)
        {
            throw Error(sourceName, "mixes", "must map mix names to mix files or inline mixes");
        }

        var list = new List<AblationMix>(mixes.Children.Count);
        foreach (var (key, value) in mixes.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw Error(sourceName, "mixes", "mix names must be plain strings");
            }

            MixOptions options = value switch
            {
                YamlScalarNode { Value: { Length: > 0 } path } => LoadMixFile(Path.GetFullPath(path, baseDirectory), sourceName, name),
                YamlMappingNode inline => MixConfigLoader.Parse(Serialize(inline), $"{sourceName} (mix '{name}')"),
                _ => throw Error(sourceName, "mixes", $"mix '{name}' must be a mix file path or an inline mix"),
            };
            list.Add(new AblationMix(name, options));
        }

        return list;
    }

    private static MixOptions LoadMixFile(string path, string sourceName, string name)
    {
        try
        {
            return MixConfigLoader.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Error(sourceName, "mixes", $"mix '{name}': file '{path}' not found", e);
        }
    }

    private static string Serialize(YamlMappingNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static PipelineConfigException Error(string sourceName, string key, string message, Exception? inner = null) =>
        YamlConfigReader.Error(null, sourceName, null, key, message, inner);
}
