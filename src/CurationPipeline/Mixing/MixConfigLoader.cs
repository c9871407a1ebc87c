using CurationPipeline.Configuration;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace CurationPipeline.Mixing;

/// <summary>Reads a mix YAML file (snake_case keys of <see cref="MixOptions"/>) and validates it before any work.</summary>
public static class MixConfigLoader
{
    private static readonly IDeserializer s_deserializer = YamlConfigReader.CreateBuilder()
        .WithTypeMapping<IReadOnlyList<MixCondition>, List<MixCondition>>()
        .WithTypeMapping<IReadOnlyList<DomainRule>, List<DomainRule>>()
        .WithTypeMapping<IReadOnlyDictionary<string, double>, Dictionary<string, double>>()
        .WithTypeMapping<IReadOnlyDictionary<string, int>, Dictionary<string, int>>()
        .WithTypeMapping<IReadOnlyDictionary<int, int>, Dictionary<int, int>>()
        .Build();

    /// <summary>Loads and validates the mix at <paramref name="path"/>.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="PipelineConfigException">The file is not valid YAML, has an unknown key, or a value is out of range; the message names the key.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static MixOptions Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates mix YAML text.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="sourceName">Names the text in errors.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="PipelineConfigException">The text is invalid; the message names the line or key.</exception>
    public static MixOptions Parse(string yaml, string sourceName)
    {
        MixOptions options = YamlConfigReader.Deserialize<MixOptions>(s_deserializer, yaml, sourceName, out YamlStream stream);
        YamlConfigReader.Validate(stream, sourceName, section: null, () =>
        {
            foreach (DomainRule rule in options.Domains)
            {
                if (rule.When is null)
                {
                    throw new ArgumentOutOfRangeException(nameof(MixOptions.Domains), $"Domain rule '{rule.Domain}' has no 'when' condition.");
                }
            }

            options.Validate();
        });
        return options;
    }
}
