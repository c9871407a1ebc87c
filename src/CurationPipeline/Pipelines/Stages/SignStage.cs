using CurationPipeline.Dedup;
using CurationPipeline.Pipelines.Graph;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>
/// Computes each document's exact hash and MinHash band hashes, and optionally its paragraph hashes, which the dedup pass
/// uses without reading text.
/// </summary>
public sealed class SignStage : IPipelineStage
{
    /// <summary>The stage name in stats.</summary>
    public const string StageName = "sign";

    // One growing buffer per worker thread for paragraph hashes, copied out once per document.
    [ThreadStatic]
    private static List<ulong>? t_paragraphs;

    private readonly DocumentSigner _signer;
    private readonly ushort _priority;
    private readonly ParagraphDedupOptions? _paragraphs;

    /// <summary>Creates the stage.</summary>
    /// <param name="signer">The thread-safe signer.</param>
    /// <param name="priority">Every document's keep priority (higher wins within a duplicate cluster, then the smaller id).</param>
    /// <param name="paragraphs">When set, also hash every paragraph for paragraph dedup (<see cref="ParagraphSplitter"/>).</param>
    public SignStage(DocumentSigner signer, ushort priority, ParagraphDedupOptions? paragraphs = null)
    {
        _signer = signer;
        _priority = priority;
        _paragraphs = paragraphs;
    }

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    public PipelineItem Process(PipelineItem item) =>
        item with
        {
            Signature = _signer.Sign(item.Annotated!.Id, _priority, item.Annotated.Text) with
            {
                SourcePath = item.Annotated.SourcePath,
                SourceOffset = item.Annotated.SourceOffset,
                UrlHash = UrlKey.Of(item.Annotated.Url),
                DateTicks = item.Annotated.Date?.UtcTicks ?? long.MinValue,
                ParagraphHashes = _paragraphs is null ? [] : ParagraphHashesOf(item.Annotated.Text, _paragraphs.MinChars),
            },
        };

    private static System.Collections.Immutable.ImmutableArray<ulong> ParagraphHashesOf(string text, int minChars)
    {
        List<ulong> hashes = t_paragraphs ??= new List<ulong>(256);
        hashes.Clear();
        ParagraphSplitter.Hash(text, hashes, minChars);
        return [.. hashes];
    }
}
