using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CurationPipeline.Pipelines.Configuration.Internal;

/// <summary>Reads a YAML sequence of numbers into an <see cref="ImmutableArray{T}"/> of doubles, which YamlDotNet cannot construct.</summary>
internal sealed class ImmutableArrayYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(ImmutableArray<double>);

    public object ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        parser.Consume<SequenceStart>();
        var builder = ImmutableArray.CreateBuilder<double>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            Scalar scalar = parser.Consume<Scalar>();
            if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a number.");
            }

            builder.Add(value);
        }

        return builder.ToImmutable();
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
    {
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
        foreach (double item in (ImmutableArray<double>)value!)
        {
            emitter.Emit(new Scalar(item.ToString("R", CultureInfo.InvariantCulture)));
        }

        emitter.Emit(new SequenceEnd());
    }
}
