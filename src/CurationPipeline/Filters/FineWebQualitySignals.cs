namespace CurationPipeline.Filters;

/// <summary>What <see cref="FineWebQualityFilter"/> measured on one document; all ratios are 0 when <paramref name="LineCount"/> is 0.</summary>
/// <param name="LineCount">Non-blank lines of <c>text.split("\n")</c>.</param>
/// <param name="LinePunctRatio">Lines ending (without trimming) in a terminal punctuation character / lines.</param>
/// <param name="ShortLineRatio">Lines of at most the configured length / lines. The length is part of the signal's definition: changing <see cref="FineWebQualityOptions.ShortLineLength"/> needs a recompute.</param>
/// <param name="CharDuplicatesRatio">Characters of lines that repeat an earlier line / characters of the text without <c>\n</c>.</param>
/// <param name="NewLineRatio"><c>\n</c> count / word count.</param>
public sealed record FineWebQualitySignals(
    int LineCount,
    double LinePunctRatio,
    double ShortLineRatio,
    double CharDuplicatesRatio,
    double NewLineRatio);
