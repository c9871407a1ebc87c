using System.Globalization;

namespace CurationPipeline.Mixing;

/// <summary>A test on one annotated column: numeric bounds (<see cref="AtLeast"/>, <see cref="Below"/>) or string equality (<see cref="Is"/>, <see cref="IsNot"/>).</summary>
/// <remarks>
/// Every bound that is set must hold. A column absent from a shard, or a null value, takes <see cref="Default"/>; without a default an
/// absent column is a configuration error and a null value drops the document (<see cref="MixReasons.MissingValue"/>).
/// </remarks>
public sealed record MixCondition
{
    /// <summary>The annotated column, e.g. <c>quality</c>, <c>code</c>, <c>language</c>, <c>gopher_quality.word_count</c>.</summary>
    public required string Column { get; init; }

    /// <summary>The value must be at least this (numeric columns).</summary>
    public double? AtLeast { get; init; }

    /// <summary>The value must be below this (numeric columns).</summary>
    public double? Below { get; init; }

    /// <summary>The value must equal this, ordinally (string columns).</summary>
    public string? Is { get; init; }

    /// <summary>The value must differ from this, ordinally (string columns; a null value differs).</summary>
    public string? IsNot { get; init; }

    /// <summary>The value used when the column is absent or null (parsed as a number for numeric tests); <c>null</c>: no default.</summary>
    public string? Default { get; init; }

    /// <summary>Whether the test compares numbers (<see cref="AtLeast"/> or <see cref="Below"/> set).</summary>
    public bool IsNumeric => AtLeast is not null || Below is not null;

    /// <summary>Checks the condition.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No test or both kinds of test are set, the column is empty, or a numeric default is not a number.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Column))
        {
            throw new ArgumentOutOfRangeException(nameof(Column), Column, "A condition needs a column.");
        }

        bool isString = Is is not null || IsNot is not null;
        if (IsNumeric == isString)
        {
            throw new ArgumentOutOfRangeException(nameof(AtLeast), $"Condition on '{Column}' needs either at_least/below (numbers) or is/is_not (strings), not both or neither.");
        }

        if (IsNumeric && Default is not null && !double.TryParse(Default, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentOutOfRangeException(nameof(Default), Default, $"Condition on '{Column}': the default of a numeric test must be a number.");
        }
    }

    /// <summary>A readable form, e.g. <c>quality &gt;= 0.5</c>; used as the filter's key in the mix report.</summary>
    public override string ToString()
    {
        var parts = new List<string>(2);
        if (AtLeast is { } atLeast)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Column} >= {atLeast}"));
        }

        if (Below is { } below)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Column} < {below}"));
        }

        if (Is is not null)
        {
            parts.Add($"{Column} == {Is}");
        }

        if (IsNot is not null)
        {
            parts.Add($"{Column} != {IsNot}");
        }

        return string.Join(" and ", parts);
    }
}
