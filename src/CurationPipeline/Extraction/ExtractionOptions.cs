namespace CurationPipeline.Extraction;

/// <summary>Limits and thresholds for <see cref="MainContentExtractor"/>.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="MaxHtmlChars"/></term><description>5,000,000</description></item>
/// <item><term><see cref="MaxDomNodes"/></term><description>200,000</description></item>
/// <item><term><see cref="MaxNestingWork"/></term><description>50,000,000</description></item>
/// <item><term><see cref="Timeout"/></term><description>60 seconds</description></item>
/// <item><term><see cref="MinTextChars"/></term><description>1</description></item>
/// <item><term><see cref="MinLowConfidenceWords"/></term><description>50</description></item>
/// <item><term><see cref="Format"/></term><description><see cref="ExtractionFormat.Text"/></description></item>
/// </list>
/// The extractor copies the options when it is built; later changes have no effect.
/// </remarks>
public sealed record ExtractionOptions
{
    /// <summary>Inputs longer than this many UTF-16 chars are rejected with <see cref="ExtractionReasons.TooLarge"/> before parsing.</summary>
    public int MaxHtmlChars { get; init; } = 5_000_000;

    /// <summary>Documents whose parsed DOM holds more nodes than this are rejected with <see cref="ExtractionReasons.TooManyNodes"/>.</summary>
    public int MaxDomNodes { get; init; } = 200_000;

    /// <summary>Pages whose tag nesting work (the sum, over start tags, of the elements open around each, estimated by a scan
    /// before parsing) is above this are rejected with <see cref="ExtractionReasons.TooDeep"/>. The parser's time grows with it;
    /// real pages stay under a million, and 50,000,000 is about 10,000 nested <c>&lt;div&gt;</c>, a second of parsing.</summary>
    public long MaxNestingWork { get; init; } = 50_000_000;

    /// <summary>Wall-clock backstop for parsing one page; when it runs out the page is rejected with
    /// <see cref="ExtractionReasons.Timeout"/>. The count limits decide every page that behaves as the tag scan predicts, so this
    /// should never fire; it is the one limit that can make an outcome depend on the machine's load.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Main text shorter than this many chars (after whitespace normalisation) is rejected with <see cref="ExtractionReasons.Empty"/>.</summary>
    public int MinTextChars { get; init; } = 1;

    /// <summary>Main text of fewer words than this (a Han, kana or Hangul char counts as one) is rejected with
    /// <see cref="ExtractionReasons.Empty"/> when the extraction's <see cref="ExtractionResult.Confidence"/> is under 0.4: no block
    /// read as content, and what was kept is page chrome ("Skip to content", a search prompt, a cookie warning). 0 turns the rule
    /// off. 50 is Gopher's minimum document length; the rule gained on both halves of WCXB dev, whose SPA shells have empty
    /// references.</summary>
    public int MinLowConfidenceWords { get; init; } = 50;

    /// <summary>Layout of <see cref="ExtractionResult.Text"/>: plain text or Markdown (YAML <c>format: Markdown</c>).</summary>
    public ExtractionFormat Format { get; init; } = ExtractionFormat.Text;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHtmlChars, 1, nameof(MaxHtmlChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDomNodes, 1, nameof(MaxDomNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNestingWork, 1, nameof(MaxNestingWork));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinTextChars, 1, nameof(MinTextChars));
        ArgumentOutOfRangeException.ThrowIfNegative(MinLowConfidenceWords, nameof(MinLowConfidenceWords));
        if (!Enum.IsDefined(Format))
        {
            throw new ArgumentOutOfRangeException(nameof(Format), Format, "unknown extraction format");
        }
    }
}
