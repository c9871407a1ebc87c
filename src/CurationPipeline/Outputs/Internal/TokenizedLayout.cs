using CurationPipeline.Tokenization;

namespace CurationPipeline.Outputs.Internal;

/// <summary>
/// Columns of a tokenized shard: <c>input_ids</c> (3-level LIST of int32), <c>id</c>, <c>url</c>, <c>n_tokens</c>, <c>domain</c>,
/// <c>source_path</c>, <c>source_offset</c>.
/// </summary>
internal sealed class TokenizedLayout : ParquetRowLayout<TokenizedDocument>
{
    private readonly Int32ListColumn<TokenizedDocument> _inputIds = new("input_ids", d => d.InputIds);
    private readonly StringColumn<TokenizedDocument> _id = new("id", nullable: false, d => d.Id);
    private readonly StringColumn<TokenizedDocument> _url = new("url", nullable: true, d => d.Url);
    private readonly StringColumn<TokenizedDocument> _domain = new("domain", nullable: false, d => d.Domain);
    private readonly StringColumn<TokenizedDocument> _sourcePath = new("source_path", nullable: true, d => d.SourcePath);
    private readonly ValueColumn<TokenizedDocument, long> _sourceOffset = new("source_offset", d => d.SourceOffset);

    public TokenizedLayout() =>
        Initialize(_inputIds, _id, _url, new ValueColumn<TokenizedDocument, int>("n_tokens", d => d.InputIds.Length), _domain, _sourcePath, _sourceOffset);

    public override long WeightOf(TokenizedDocument row) => row.InputIds.Length;

    protected override TokenizedDocument CreateRow(int index) => new()
    {
        Id = _id.Required(index),
        Url = _url[index],
        InputIds = _inputIds[index],
        Domain = _domain.Required(index),
        SourcePath = _sourcePath[index],
        SourceOffset = _sourceOffset[index],
    };
}
