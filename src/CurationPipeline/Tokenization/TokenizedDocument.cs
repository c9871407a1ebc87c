namespace CurationPipeline.Tokenization;

/// <summary>One document's token ids, as the tokenize stage produces them and the tokenized shards store them.</summary>
/// <remarks>
/// <see cref="InputIds"/> ends with exactly one <see cref="TextTokenizer.EndOfDocumentId"/> (see
/// <see cref="TextTokenizer.EncodeDocument(string, List{int})"/>). The memory is not copied by the record; whoever builds it
/// must not reuse the buffer until the writer has taken the row (<c>WriteAsync</c> copies it).
/// </remarks>
public sealed record TokenizedDocument
{
    /// <summary>The default <see cref="Domain"/>.</summary>
    public const string GeneralDomain = "general";

    /// <summary>The document id.</summary>
    public required string Id { get; init; }

    /// <summary>The page URL, when known.</summary>
    public string? Url { get; init; }

    /// <summary>The token ids, ending with the end-of-document id.</summary>
    public required ReadOnlyMemory<int> InputIds { get; init; }

    /// <summary>The input file the document was read from (with <see cref="Id"/> and <see cref="SourceOffset"/> its identity in a run), or <c>null</c> when unknown.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The document's offset (or record index) in <see cref="SourcePath"/>.</summary>
    public long SourceOffset { get; init; }

    /// <summary>The data-mix domain the document belongs to (<c>general</c>, <c>code</c>, <c>math</c>, …).</summary>
    public string Domain { get; init; } = GeneralDomain;
}
