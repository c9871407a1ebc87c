namespace CurationPipeline.Training.Ablation;

/// <summary>Two mixes of an ablation produced different validation sets, so their losses would not be comparable.</summary>
public sealed class ValidationSetMismatchException : Exception
{
    /// <summary>Creates the exception for <paramref name="mix"/>, whose validation set differs from <paramref name="referenceMix"/>'s.</summary>
    /// <param name="referenceMix">The first mix.</param>
    /// <param name="reference">Its validation set.</param>
    /// <param name="mix">The mix that differs.</param>
    /// <param name="actual">Its validation set.</param>
    public ValidationSetMismatchException(string referenceMix, ValidationSetFingerprint reference, string mix, ValidationSetFingerprint actual)
        : base($"Mix '{mix}' holds out a different validation set from mix '{referenceMix}': {actual} vs {reference}. "
            + "The runs would not be scored on the same tokens; check that the tagged data did not change between the mixes.")
    {
        ReferenceMix = referenceMix;
        Mix = mix;
    }

    /// <summary>The first mix, whose validation set the others must match.</summary>
    public string ReferenceMix { get; }

    /// <summary>The mix whose validation set differs.</summary>
    public string Mix { get; }
}
