using CurationPipeline.Dedup;
using CurationPipeline.Pipelines.Graph;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>Computes each document's exact hash and MinHash band hashes, which the dedup pass clusters without reading text.</summary>
public sealed class SignStage : IPipelineStage
{
    /// <summary>The stage name in stats.</summary>
    public const string StageName = "sign";

    private readonly DocumentSigner _signer;
    private readonly ushort _priority;

    /// <summary>Creates the stage.</summary>
    /// <param name="signer">The thread-safe signer.</param>
    /// <param name="priority">Every document's keep priority (higher wins within a duplicate cluster, then the smaller id).</param>
    public SignStage(DocumentSigner signer, ushort priority)
    {
        _signer = signer;
        _priority = priority;
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
            },
        };
}
