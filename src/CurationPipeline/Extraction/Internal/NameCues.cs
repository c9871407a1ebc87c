namespace CurationPipeline.Extraction.Internal;

/// <summary>Which <see cref="BoilerplatePatterns"/> a class or id value matches.</summary>
[Flags]
internal enum NameCues : byte
{
    None = 0,

    /// <summary><see cref="BoilerplatePatterns.Unlikely"/>.</summary>
    Unlikely = 1,

    /// <summary><see cref="BoilerplatePatterns.MaybeUnlikely"/>.</summary>
    MaybeUnlikely = 2,

    /// <summary><see cref="BoilerplatePatterns.MaybeContent"/>.</summary>
    MaybeContent = 4,

    /// <summary><see cref="BoilerplatePatterns.Positive"/>.</summary>
    Positive = 8,

    /// <summary><see cref="BoilerplatePatterns.Negative"/>.</summary>
    Negative = 16,
}
