using System.Collections.Frozen;
using AngleSharp.Html.Parser.Tokens.Struct;

namespace CurationPipeline.Extraction.Internal;

/// <summary>The attributes extraction reads: the parser keeps only these (see <see cref="ShouldEmit"/>). A new
/// <c>GetAttribute</c>/<c>HasAttribute</c> call in this folder must add its name here, or it will always see <c>null</c>.</summary>
internal static class ReadAttributes
{
    private static readonly FrozenSet<string> s_names = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        // cleaning and selection
        "class", "id", "style", "hidden", "aria-hidden", "role", "type", "disabled",
        // metadata
        "lang", "content", "property", "name", "http-equiv", "itemtype",
        // serialization: list numbering, code languages
        "start", "data-lang", "data-language",
        // math sources
        "display", "mode", "encoding", "open", "close", "separators", "linethickness");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_lookup = s_names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>An <see cref="AngleSharp.Html.Parser.ShouldEmitAttribute"/> callback: whether the parser should build this attribute.</summary>
    public static bool ShouldEmit(ref StructHtmlToken token, ReadOnlyMemory<char> name) => s_lookup.Contains(name.Span);
}
