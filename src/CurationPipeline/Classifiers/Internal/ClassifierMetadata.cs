using System.Collections.Immutable;

namespace CurationPipeline.Classifiers.Internal;

/// <summary>The JSON header of a model file: everything but the weights.</summary>
internal sealed record ClassifierMetadata
{
    public required string Name { get; init; }

    public required ClassifierKind Kind { get; init; }

    /// <summary>Binary: [negative, positive]; multi-class: ordinal order; regression: empty.</summary>
    public required ImmutableArray<string> Labels { get; init; }

    public string? NegativeLabel { get; init; }

    public double Threshold { get; init; } = 0.5;

    public required int HashBits { get; init; }

    public required int MaxChars { get; init; }

    public int Outputs => Kind == ClassifierKind.Multiclass ? Labels.Length : 1;
}
