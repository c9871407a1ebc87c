namespace CurationPipeline.Filters;

/// <summary>Options of <see cref="C4BadWordsFilter"/>.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="WordListPath"/></term><description>required (an LDNOOBW list file: one word or phrase per line)</description></item>
/// <item><term><see cref="MatchInsideWords"/></term><description><c>false</c> (set <c>true</c> for ja, th, zh lists, as C4 does)</description></item>
/// </list>
/// C4's <c>keep_fraction</c> (keep a random share of matching pages) is not offered: the default 0 is what C4 and FineWeb ran.
/// </remarks>
public sealed record C4BadWordsOptions
{
    /// <summary>The bad-words list file; nothing is bundled or downloaded.</summary>
    public required string WordListPath { get; init; }

    /// <summary>Whether a listed word matches inside a longer word (for languages written without spaces).</summary>
    public bool MatchInsideWords { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="WordListPath"/> is empty.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(WordListPath))
        {
            throw new ArgumentOutOfRangeException(nameof(WordListPath), "A bad-words list file is required.");
        }
    }
}
