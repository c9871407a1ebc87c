namespace CurationPipeline.Embeddings;

/// <summary>The file names a model directory holds; the tokenizer family is chosen by which vocabulary files are present.</summary>
/// <remarks>
/// A directory with <see cref="WordPieceVocabulary"/> is BERT family (WordPiece, <c>[CLS]</c>/<c>[SEP]</c>); one with
/// <see cref="BpeVocabulary"/> and <see cref="BpeMerges"/> is RoBERTa family (byte-level BPE, <c>&lt;s&gt;</c>/<c>&lt;/s&gt;</c>).
/// These are the names <c>optimum-cli export onnx</c> and <c>save_pretrained</c> write.
/// </remarks>
public static class EmbeddingModelFiles
{
    /// <summary>The ONNX graph.</summary>
    public const string Model = "model.onnx";

    /// <summary>The WordPiece vocabulary (one token per line).</summary>
    public const string WordPieceVocabulary = "vocab.txt";

    /// <summary>The byte-level BPE vocabulary (JSON object token → id).</summary>
    public const string BpeVocabulary = "vocab.json";

    /// <summary>The byte-level BPE merges (one <c>a b</c> pair per line).</summary>
    public const string BpeMerges = "merges.txt";
}
