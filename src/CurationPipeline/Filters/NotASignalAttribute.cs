namespace CurationPipeline.Filters;

/// <summary>Marks a member of a signals record that is not stored as an annotated column (e.g. a rewritten text).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotASignalAttribute : Attribute;
