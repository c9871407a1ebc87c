namespace CurationPipeline.Dedup;

/// <summary>What a MinHash shingle is made of.</summary>
public enum ShingleKind
{
    /// <summary>Consecutive words of the normalized text (datatrove/FineWeb: 5 words).</summary>
    Word,

    /// <summary>Consecutive Unicode scalar values of the normalized text, spaces included (NeMo Curator: 24 characters).</summary>
    Char,
}
