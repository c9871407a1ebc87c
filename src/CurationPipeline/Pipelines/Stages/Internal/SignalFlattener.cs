using System.Linq.Expressions;
using System.Reflection;
using CurationPipeline.Documents;
using CurationPipeline.Filters;
using YamlDotNet.Serialization.NamingConventions;

namespace CurationPipeline.Pipelines.Stages.Internal;

/// <summary>
/// Turns a filter's typed signals record into named columns (<c>{filter}.{property_in_snake_case}</c>): numbers and flags as
/// doubles, strings as text. Accessors are compiled once per filter, so flattening a document costs a few delegate calls.
/// </summary>
internal sealed class SignalFlattener
{
    private readonly Func<object, double>[] _numbers;
    private readonly Func<object, string?>[] _texts;

    private SignalFlattener(IReadOnlyList<(string Name, SignalKind Kind)> columns, Func<object, double>[] numbers, Func<object, string?>[] texts)
    {
        Columns = columns;
        _numbers = numbers;
        _texts = texts;
    }

    /// <summary>This filter's columns, numbers first then texts, each in declaration order.</summary>
    public IReadOnlyList<(string Name, SignalKind Kind)> Columns { get; }

    public int NumberCount => _numbers.Length;

    public int TextCount => _texts.Length;

    /// <summary>Builds the flattener of a filter's signals record: its public properties become <c>{prefix}.{property}</c> columns.</summary>
    /// <param name="prefix">The filter's name.</param>
    /// <param name="signalsType">The signals record its definition declares (<see cref="FilterDefinition.SignalsType"/>).</param>
    public static SignalFlattener For(string prefix, Type signalsType)
    {
        var numbers = new List<(string, Func<object, double>)>();
        var texts = new List<(string, Func<object, string?>)>();
        foreach (PropertyInfo property in signalsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<NotASignalAttribute>() is not null || property.Name == "EqualityContract")
            {
                continue;
            }

            string name = $"{prefix}.{UnderscoredNamingConvention.Instance.Apply(property.Name)}";
            ParameterExpression boxed = Expression.Parameter(typeof(object), "signals");
            MemberExpression value = Expression.Property(Expression.Convert(boxed, signalsType), property);
            if (property.PropertyType == typeof(string))
            {
                texts.Add((name, Expression.Lambda<Func<object, string?>>(value, boxed).Compile()));
            }
            else if (property.PropertyType == typeof(bool))
            {
                Expression flag = Expression.Condition(value, Expression.Constant(1.0), Expression.Constant(0.0));
                numbers.Add((name, Expression.Lambda<Func<object, double>>(flag, boxed).Compile()));
            }
            else if (property.PropertyType.IsPrimitive)
            {
                numbers.Add((name, Expression.Lambda<Func<object, double>>(Expression.Convert(value, typeof(double)), boxed).Compile()));
            }
        }

        return new SignalFlattener(
            [.. numbers.Select(n => (n.Item1, SignalKind.Number)), .. texts.Select(t => (t.Item1, SignalKind.Text))],
            [.. numbers.Select(n => n.Item2)],
            [.. texts.Select(t => t.Item2)]);
    }

    /// <summary>Writes <paramref name="signals"/> into the document's arrays at the given offsets.</summary>
    public void Write(object signals, double[] numbers, int numberOffset, string?[] texts, int textOffset)
    {
        for (int i = 0; i < _numbers.Length; i++)
        {
            numbers[numberOffset + i] = _numbers[i](signals);
        }

        for (int i = 0; i < _texts.Length; i++)
        {
            texts[textOffset + i] = _texts[i](signals);
        }
    }
}
