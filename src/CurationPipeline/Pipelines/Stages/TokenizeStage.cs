using CurationPipeline.Pipelines.Graph;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>Tokenizes each document's text; the ids end with the tokenizer's end-of-document token.</summary>
public sealed class TokenizeStage : IPipelineStage
{
    /// <summary>The stage name in stats and rejects.</summary>
    public const string StageName = "tokenize";

    // One growing buffer per worker thread: documents are tokenized into it and copied out once, instead of
    // allocating (and regrowing) a list per document.
    [ThreadStatic]
    private static List<int>? t_ids;

    private readonly TextTokenizer _tokenizer;

    /// <summary>Creates the stage around a thread-safe tokenizer.</summary>
    public TokenizeStage(TextTokenizer tokenizer) => _tokenizer = tokenizer;

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    public PipelineItem Process(PipelineItem item)
    {
        List<int> ids = t_ids ??= new List<int>(4096);
        ids.Clear();
        _tokenizer.EncodeDocument(item.Annotated!.Text, ids);
        return item with { TokenIds = ids.ToArray() };
    }
}
