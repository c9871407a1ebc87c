namespace CurationPipeline.Tokenization.Internal;

/// <summary>The file formats <see cref="TokenizerFactory"/> loads.</summary>
internal enum TokenizerFileKind
{
    Unknown,
    HuggingFaceJson,
    SentencePiece,
}
