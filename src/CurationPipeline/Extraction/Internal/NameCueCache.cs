namespace CurationPipeline.Extraction.Internal;

/// <summary>Matches class and id values against <see cref="BoilerplatePatterns"/> once per distinct value on a page: list items,
/// cards and posts repeat the same class hundreds of times, and five regex scans per element were a tenth of the extractor's time.</summary>
/// <remarks>One instance per page; not thread-safe.</remarks>
internal sealed class NameCueCache
{
    private readonly Dictionary<string, NameCues> _cues = new(StringComparer.Ordinal);

    /// <summary>The cues of one class or id value; <see cref="NameCues.None"/> for <c>null</c> or empty.</summary>
    public NameCues Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return NameCues.None;
        }

        if (!_cues.TryGetValue(value, out NameCues cues))
        {
            cues = Match(value);
            _cues.Add(value, cues);
        }

        return cues;
    }

    private static NameCues Match(string value)
    {
        NameCues cues = NameCues.None;
        if (BoilerplatePatterns.Unlikely().IsMatch(value))
        {
            cues |= NameCues.Unlikely;
        }

        if (BoilerplatePatterns.MaybeUnlikely().IsMatch(value))
        {
            cues |= NameCues.MaybeUnlikely;
        }

        if (BoilerplatePatterns.MaybeContent().IsMatch(value))
        {
            cues |= NameCues.MaybeContent;
        }

        if (BoilerplatePatterns.Positive().IsMatch(value))
        {
            cues |= NameCues.Positive;
        }

        if (BoilerplatePatterns.Negative().IsMatch(value))
        {
            cues |= NameCues.Negative;
        }

        return cues;
    }
}
