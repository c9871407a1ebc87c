using System.Runtime.CompilerServices;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CurationPipeline.Extraction.Internal;

/// <summary>
/// An AngleSharp document over chars in memory, not parsed yet, for <see cref="IHtmlParser.ParseDocumentAsync(IDocument, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// AngleSharp 1.10 parses a <see cref="ReadOnlyMemory{T}"/> without copying it (a string goes the same way, wrapped as memory), but
/// its public memory overload is synchronous and takes no token, which the wall-clock backstop (ExtractionOptions.Timeout) needs. The
/// parser's own document factory for memory is private, so it is bound here by name; a test pins it to the pinned version.
/// </remarks>
internal static class UnparsedDocument
{
    /// <summary>A document whose source is <paramref name="html"/>, in <paramref name="parser"/>'s browsing context.</summary>
    public static IDocument Create(HtmlParser parser, ReadOnlyMemory<char> html) => (IDocument)CreateDocument(parser, html);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "CreateDocument")]
    [return: UnsafeAccessorType("AngleSharp.Html.Dom.HtmlDocument, AngleSharp")]
    private static extern object CreateDocument(HtmlParser parser, ReadOnlyMemory<char> chars);
}
