using System.Globalization;

namespace CurationPipeline.Mixing.Internal;

/// <summary>A <see cref="MixCondition"/> bound to the <see cref="ColumnValues"/> it reads.</summary>
internal sealed class ConditionEvaluator
{
    private readonly MixCondition _condition;
    private readonly ColumnValues _column;
    private readonly double _numericDefault;

    public ConditionEvaluator(MixCondition condition, ColumnValues column)
    {
        _condition = condition;
        _column = column;
        _numericDefault = condition.IsNumeric && condition.Default is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
    }

    public MixCondition Condition => _condition;

    /// <summary>Whether the current file lacks the column and the condition has no default (a configuration error).</summary>
    public bool MissingWithoutDefault => !_column.InFile && _condition.Default is null;

    /// <summary>Tests one row of the current row group; <c>null</c> when the value is null and there is no default.</summary>
    public bool? Evaluate(int row)
    {
        bool present = _column.Present[row];
        if (!present && _condition.Default is null)
        {
            return null;
        }

        if (_condition.IsNumeric)
        {
            double value = present ? _column.Numbers[row] : _numericDefault;
            return (_condition.AtLeast is not { } atLeast || value >= atLeast) && (_condition.Below is not { } below || value < below);
        }

        string? text = present ? _column.Strings[row] : _condition.Default;
        return (_condition.Is is null || string.Equals(text, _condition.Is, StringComparison.Ordinal))
            && (_condition.IsNot is null || !string.Equals(text, _condition.IsNot, StringComparison.Ordinal));
    }
}
