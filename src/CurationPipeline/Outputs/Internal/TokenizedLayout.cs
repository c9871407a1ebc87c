using CurationPipeline.Tokenization;

namespace CurationPipeline.Outputs.Internal;

/// <summary>Columns of a tokenized shard: <c>input_ids</c> (3-level LIST of int32), <c>id</c>, <c>url</c>, <c>n_tokens</c>, <c>domain</c>.</summary>
internal sealed class TokenizedLayout : ParquetRowLayout<TokenizedDocument>
{
    private readonly Int32ListColumn<TokenizedDocument> _inputIds;
    private readonly StringColumn<TokenizedDocument> _id;
    private readonly StringColumn<TokenizedDocument> _url;
    private readonly StringColumn<TokenizedDocument> _domain;

    public TokenizedLayout()
        : this(new("input_ids", d => d.InputIds), new("id", nullable: false, d => d.Id), new("url", nullable: true, d => d.Url),
            new("domain", nullable: false, d => d.Domain))
    {
    }

    private TokenizedLayout(Int32ListColumn<TokenizedDocument> inputIds, StringColumn<TokenizedDocument> id,
        StringColumn<TokenizedDocument> url, StringColumn<TokenizedDocument> domain)
        : base(inputIds, id, url, new ValueColumn<TokenizedDocument, int>("n_tokens", d => d.InputIds.Length), domain)
    {
        _inputIds = inputIds;
        _id = id;
        _url = url;
        _domain = domain;
    }

    public override long WeightOf(TokenizedDocument row) => row.InputIds.Length;

    protected override TokenizedDocument CreateRow(int index) => new()
    {
        Id = _id.Required(index),
        Url = _url[index],
        InputIds = _inputIds[index],
        Domain = _domain.Required(index),
    };
}
