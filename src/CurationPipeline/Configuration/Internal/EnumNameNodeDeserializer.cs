using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CurationPipeline.Configuration.Internal;

/// <summary>
/// Binds enum keys by member name only (case-insensitive; a comma list for flags). YamlDotNet's own binding goes through
/// <see cref="Enum.Parse(Type, string, bool)"/>, which takes any number, so <c>keep_rule: 7</c> would bind to an undefined
/// member and silently act as the default branch.
/// </summary>
internal sealed class EnumNameNodeDeserializer : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        Type enumType = Nullable.GetUnderlyingType(expectedType) ?? expectedType;
        if (!enumType.IsEnum || !reader.Accept<Scalar>(out var scalar))
        {
            value = null;
            return false;
        }

        string[] names = Enum.GetNames(enumType);
        bool flags = enumType.IsDefined(typeof(FlagsAttribute), inherit: false);
        string[] parts = flags ? scalar.Value.Split(',', StringSplitOptions.TrimEntries) : [scalar.Value.Trim()];
        if (parts.Any(p => !names.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            throw new YamlException(scalar.Start, scalar.End,
                $"'{scalar.Value}' is not {(flags ? "a list of" : "one of")} {string.Join(" | ", names)}.");
        }

        reader.MoveNext();
        value = Enum.Parse(enumType, scalar.Value, ignoreCase: true);
        return true;
    }
}
