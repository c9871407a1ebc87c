namespace CurationPipeline.Extraction.Internal;

/// <summary>How much of a page's paragraph-like text an extraction kept: the basis of <see cref="ExtractionResult.Confidence"/>.</summary>
internal static class ExtractionConfidence
{
    /// <summary>Main text shorter than this many chars lowers the confidence in proportion.</summary>
    private const int ShortTextChars = 200;

    /// <summary>Estimates the confidence of one extraction.</summary>
    /// <param name="text">The extracted text.</param>
    /// <param name="pageGoodText">Paragraph-like text on the whole page (<see cref="NodeInfo.GoodTextLength"/> of the body before stripping).</param>
    /// <returns>0 for no text; otherwise coverage of the page's paragraph-like text (capped at 1), scaled down for very short text.</returns>
    public static double Estimate(string text, int pageGoodText)
    {
        int length = TextMeasure.NormalizedLength(text);
        if (length == 0)
        {
            return 0;
        }

        double coverage = pageGoodText <= 0 ? 1 : Math.Min(1, (double)length / pageGoodText);
        double shortness = Math.Min(1, (double)length / ShortTextChars);
        return Math.Round(coverage * shortness, 3);
    }
}
