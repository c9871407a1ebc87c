using CurationPipeline.Filters;
using CurationPipeline.Pipelines.Configuration;
using CurationPipeline.Pipelines.Stages;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CurationPipeline.Pipelines.Configuration.Internal;

/// <summary>
/// Reads one <c>filters:</c> entry, a mapping with one key, by looking the key up in <see cref="FilterRegistry.Default"/> and
/// binding its value to that filter's options record with the same deserializer (so unknown option keys fail as elsewhere).
/// </summary>
internal sealed class FilterSpecYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(FilterSpec);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        if (parser.Current is not MappingStart start)
        {
            ParsingEvent current = parser.Current!;
            throw new YamlException(current.Start, current.End, "A filters entry is a mapping with one filter key, e.g. '- fineweb: {}'.");
        }

        parser.MoveNext();

        if (parser.TryConsume<MappingEnd>(out _))
        {
            throw new YamlException(start.Start, start.End, "A filters entry must name exactly one filter (it names 0).");
        }

        Scalar key = parser.Consume<Scalar>();
        if (!FilterRegistry.Default.TryGet(key.Value, out FilterDefinition? definition))
        {
            // "not found on type" makes the loader report it as an unknown key, with its line.
            throw new YamlException(key.Start, key.End,
                $"Property '{key.Value}' not found on type '{typeof(FilterSpec).FullName}'; known filters: {FilterRegistry.Default.KnownKeys}.");
        }

        object? options = rootDeserializer(definition.OptionsType);
        if (!parser.TryConsume<MappingEnd>(out _))
        {
            ParsingEvent second = parser.Current!;
            throw new YamlException(second.Start, second.End, "A filters entry must name exactly one filter (start a new '- ' entry for the next one).");
        }

        return new FilterSpec(key.Value, options);
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("Pipelines are read, never written.");
}
