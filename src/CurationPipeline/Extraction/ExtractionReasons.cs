namespace CurationPipeline.Extraction;

/// <summary>Stable reason codes for pages that <see cref="MainContentExtractor"/> could not turn into text.</summary>
public static class ExtractionReasons
{
    /// <summary>The page parsed but no main text was found.</summary>
    public const string Empty = "extract.empty";

    /// <summary>The input is longer than <see cref="ExtractionOptions.MaxHtmlChars"/>.</summary>
    public const string TooLarge = "extract.too_large";

    /// <summary>The parsed DOM holds more than <see cref="ExtractionOptions.MaxDomNodes"/> nodes.</summary>
    public const string TooManyNodes = "extract.too_many_nodes";

    /// <summary>The page's tags nest so deeply that parsing would take time growing with the square of its size
    /// (<see cref="ExtractionOptions.MaxNestingWork"/>); decided by a scan before parsing, so the same on any machine.</summary>
    public const string TooDeep = "extract.too_deep";

    /// <summary>The extractor's walks needed more steps than the page's budget (a fixed number per DOM node); deterministic.</summary>
    public const string TooComplex = "extract.too_complex";

    /// <summary>Parsing ran past <see cref="ExtractionOptions.Timeout"/>, the wall-clock backstop; the only outcome that can
    /// depend on the machine's load.</summary>
    public const string Timeout = "extract.timeout";

    /// <summary>The HTML parser failed on the input.</summary>
    public const string ParseError = "extract.parse_error";

    /// <summary>An unexpected failure inside the extractor after parsing (a bug, not bad input); logged at Debug with the exception.</summary>
    public const string Error = "extract.error";
}
