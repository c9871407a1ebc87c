namespace CurationPipeline.Filters.Internal;

/// <summary>A slice of a document's text by offset and length, used as a set key without copying the text.</summary>
internal readonly record struct TextSpan(int Start, int Length);
