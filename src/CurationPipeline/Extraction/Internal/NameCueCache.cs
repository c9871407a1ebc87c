using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CurationPipeline.Extraction.Internal;

/// <summary>Matches class and id values against <see cref="BoilerplatePatterns"/> at most once per distinct value and pattern on a
/// page: list items, cards and posts repeat the same class hundreds of times, and the regex scans per element were a tenth of the
/// extractor's time. Patterns are matched only when asked for, since most elements are never asked about most of them.</summary>
/// <remarks>One instance per page; not thread-safe. On a page that declares a discussion, values naming its posts (comments,
/// replies) count as content: they match <see cref="NameCues.MaybeContent"/> and <see cref="NameCues.Positive"/>, and neither
/// <see cref="NameCues.Unlikely"/> nor <see cref="NameCues.Negative"/>.</remarks>
/// <param name="discussion">Whether the page declares a discussion (<see cref="PageMetadata.DeclaresDiscussion"/>).</param>
internal sealed class NameCueCache(bool discussion = false)
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
            if (discussion && NamesPost(cue, value, ref entry) is { } post ? post : Pattern(cue).IsMatch(value))
            {
                entry.Matched |= cue;
            }
        }

        return (entry.Matched & cue) != 0;
    }

    /// <summary>On a discussion page, the answer for a value that names a post: <c>true</c> for content cues, <c>false</c> for
    /// chrome cues; <c>null</c> when the value names no post or the cue is neither.</summary>
    private static bool? NamesPost(NameCues cue, string value, ref Entry entry)
    {
        if (cue is not (NameCues.MaybeContent or NameCues.Positive or NameCues.Unlikely or NameCues.Negative))
        {
            return null;
        }

        if ((entry.PostKnown & 1) == 0)
        {
            entry.PostKnown = (byte)(1 | (BoilerplatePatterns.Post().IsMatch(value) ? 2 : 0));
        }

        return (entry.PostKnown & 2) == 0 ? null : cue is NameCues.MaybeContent or NameCues.Positive;
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

        /// <summary>Bit 0: <see cref="BoilerplatePatterns.Post"/> was tried; bit 1: it matched.</summary>
        public byte PostKnown;
    }
}
