using CurationPipeline.Documents;

namespace CurationPipeline.Outputs.Internal;

/// <summary>Columns of a rejects shard, one row per <see cref="Rejection"/>: id, url, stage, reason, is_error, detail.</summary>
internal sealed class RejectionLayout : ParquetRowLayout<Rejection>
{
    private readonly StringColumn<Rejection> _id = new("id", nullable: true, r => r.Id);
    private readonly StringColumn<Rejection> _url = new("url", nullable: true, r => r.Url);
    private readonly StringColumn<Rejection> _stage = new("stage", nullable: false, r => r.Stage);
    private readonly StringColumn<Rejection> _reason = new("reason", nullable: false, r => r.Reason);
    private readonly ValueColumn<Rejection, bool> _isError = new("is_error", r => r.IsError);
    private readonly StringColumn<Rejection> _detail = new("detail", nullable: true, r => r.Detail);

    public RejectionLayout() => Initialize(_id, _url, _stage, _reason, _isError, _detail);

    /// <summary>Rejects are bounded by rows only.</summary>
    public override long WeightOf(Rejection row) => 0;

    protected override Rejection CreateRow(int index) =>
        new(_id[index], _url[index], _stage.Required(index), _reason.Required(index), _isError[index], _detail[index]);
}
