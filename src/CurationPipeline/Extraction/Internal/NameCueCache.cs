using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Matches class and id values against <see cref="BoilerplatePatterns"/> at most once per distinct value and pattern on a
/// page: list items, cards and posts repeat the same class hundreds of times, and the regex scans per element were a tenth of the
/// extractor's time. Patterns are matched only when asked for, since most elements are never asked about most of them.</summary>
/// <remarks>One instance per page; not thread-safe.</remarks>
internal sealed class NameCueCache
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Whether a class or id value matches the pattern of one cue; <c>false</c> for <c>null</c> or empty.</summary>
    /// <param name="value">The attribute value.</param>
    /// <param name="cue">A single flag.</param>
    public bool Has(string? value, NameCues cue)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        ref Entry entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, value, out _);
        if ((entry.Known & cue) == 0)
        {
            entry.Known |= cue;
            if (Pattern(cue).IsMatch(value))
            {
                entry.Matched |= cue;
            }
        }

        return (entry.Matched & cue) != 0;
    }

    private static Regex Pattern(NameCues cue) => cue switch
    {
        NameCues.Unlikely => BoilerplatePatterns.Unlikely(),
        NameCues.MaybeUnlikely => BoilerplatePatterns.MaybeUnlikely(),
        NameCues.MaybeContent => BoilerplatePatterns.MaybeContent(),
        NameCues.Positive => BoilerplatePatterns.Positive(),
        NameCues.Negative => BoilerplatePatterns.Negative(),
        _ => throw new ArgumentOutOfRangeException(nameof(cue), cue, "one cue at a time"),
    };

    /// <summary>Which cues were matched so far, and which of them matched.</summary>
    private struct Entry
    {
        public NameCues Known;
        public NameCues Matched;
    }
}
