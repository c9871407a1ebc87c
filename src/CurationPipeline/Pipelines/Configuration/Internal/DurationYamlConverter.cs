using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CurationPipeline.Pipelines.Configuration.Internal;

/// <summary>Reads durations written as <c>500ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c> or <c>00:00:02</c>.</summary>
internal sealed class DurationYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(TimeSpan);

    public object ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        Scalar scalar = parser.Consume<Scalar>();
        if (TryParse(scalar.Value, out TimeSpan value))
        {
            return value;
        }

        throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a duration (use 500ms, 2s, 5m, 1h or hh:mm:ss).");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(((TimeSpan)value!).ToString("c", CultureInfo.InvariantCulture)));

    internal static bool TryParse(string text, out TimeSpan value)
    {
        (string suffix, double scale)[] units = [("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)];
        foreach ((string suffix, double scale) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out double n)
                && n >= 0)
            {
                value = TimeSpan.FromSeconds(n * scale);
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }
}
