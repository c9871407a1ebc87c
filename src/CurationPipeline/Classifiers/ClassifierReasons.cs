namespace CurationPipeline.Classifiers;

/// <summary>Stable reason codes for label-file lines that cannot be used for training, <c>classify.{rule}</c>.</summary>
public static class ClassifierReasons
{
    /// <summary>The line is not a JSON object.</summary>
    public const string MalformedLine = "classify.malformed_line";

    /// <summary>The object has no non-empty string <c>text</c>.</summary>
    public const string MissingText = "classify.missing_text";

    /// <summary>The object has neither a <c>label</c> (string or number) nor a numeric <c>score</c>.</summary>
    public const string MissingTarget = "classify.missing_target";

    /// <summary>The object's target kind (label or score) differs from the file's first usable line.</summary>
    public const string MixedTargets = "classify.mixed_targets";
}
