namespace CurationPipeline.Extraction.Internal;

/// <summary>The text of a page outside its selected roots: whether what a selection leaves out reads like content (paragraphs,
/// sentences) or like chrome (links).</summary>
/// <param name="Chars">Text length.</param>
/// <param name="LinkChars">Text inside links.</param>
/// <param name="GoodChars">Paragraph-like text (<see cref="NodeInfo.GoodTextLength"/>).</param>
/// <param name="SentenceEnds">Sentence ends.</param>
internal readonly record struct PageRest(int Chars, int LinkChars, int GoodChars, int SentenceEnds)
{
    /// <summary>The whole page (nothing selected yet).</summary>
    public static PageRest Of(NodeInfo page) => new(page.TextLength, page.LinkTextLength, page.GoodTextLength, page.SentenceEnds);

    /// <summary>This rest less one selected root.</summary>
    public PageRest Without(NodeInfo root) =>
        new(Chars - root.TextLength, LinkChars - root.LinkTextLength, GoodChars - root.GoodTextLength, SentenceEnds - root.SentenceEnds);

    public double LinkDensity => Chars <= 0 ? 0 : Math.Clamp((double)LinkChars / Chars, 0, 1);

    public double GoodShare => Chars <= 0 ? 0 : Math.Clamp((double)GoodChars / Chars, 0, 1);

    public double SentenceEndsPerThousand => Chars <= 0 ? 0 : Math.Max(0, 1000.0 * SentenceEnds / Chars);
}
