namespace CurationPipeline.Classifiers.Training;

/// <summary>One training example: a text with a class label (binary or multi-class) or a numeric score (regression).</summary>
/// <param name="Text">The document text.</param>
/// <param name="Label">The class label, or <c>null</c> for a regression example.</param>
/// <param name="Value">The regression target; for a labelled example 0, or the score its label was derived from (e.g. FineWeb-Edu's 0–5 score behind a ≥ 3 label), which leave-one-source-out tables rank-correlate with.</param>
public sealed record LabeledText(string Text, string? Label, double Value = 0);
