using CurationPipeline.Tokenization;

namespace CurationPipeline.Pipelines.Stages;

/// <summary>Tokenizes each document's text; the ids end with the tokenizer's end-of-document token.</summary>
public sealed class TokenizeStage : IPipelineStage
{
    /// <summary>The stage name in stats and rejects.</summary>
    public const string StageName = "tokenize";

    private readonly TextTokenizer _tokenizer;

    /// <summary>Creates the stage around a thread-safe tokenizer.</summary>
    public TokenizeStage(TextTokenizer tokenizer) => _tokenizer = tokenizer;

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    public PipelineItem Process(PipelineItem item)
    {
        string text = item.Annotated!.Text;
        var ids = new List<int>(text.Length / 3 + 2);
        _tokenizer.EncodeDocument(text, ids);
        return item with { TokenIds = ids.ToArray() };
    }
}
