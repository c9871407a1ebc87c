using System.Text.Json;
using CurationPipeline.Mixing;

namespace CurationPipeline.Training.Ablation.Internal;

/// <summary>The parts of a <see cref="MixOptions"/> that decide the mixer's validation set (the shares and the seed do not),
/// each in a canonical JSON form so that equal settings compare equal whatever collection objects hold them.</summary>
internal sealed class ValidationSetKey(MixOptions options)
{
    /// <summary>The YAML keys compared, in <see cref="Differences"/> order.</summary>
    public static readonly IReadOnlyList<string> Keys = ["filters", "domains", "default_domain", "drop_list", "validation_tokens_per_domain"];

    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly string[] _values =
    [
        JsonSerializer.Serialize(options.Filters, s_json),
        JsonSerializer.Serialize(options.Domains, s_json),
        options.DefaultDomain,
        options.DropList,
        options.ValidationTokensPerDomain.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];

    /// <summary>The keys whose values differ from <paramref name="other"/>'s.</summary>
    public IReadOnlyList<string> Differences(ValidationSetKey other)
    {
        var differing = new List<string>();
        for (int i = 0; i < _values.Length; i++)
        {
            if (!string.Equals(_values[i], other._values[i], StringComparison.Ordinal))
            {
                differing.Add(Keys[i]);
            }
        }

        return differing;
    }
}
