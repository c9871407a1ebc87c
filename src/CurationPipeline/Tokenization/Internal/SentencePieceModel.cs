using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Tokenization.Internal;

/// <summary>Loads a SentencePiece <c>.model</c> (BPE or Unigram) without automatic BOS/EOS; the EOS id ends each document.</summary>
internal static class SentencePieceModel
{
    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The model cannot be loaded (unsupported normalizer, damaged file) or has no EOS piece.</exception>
    public static TextTokenizer Load(string path, string name)
    {
        using FileStream stream = File.OpenRead(path);
        SentencePieceTokenizer tokenizer;
        try
        {
            tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false, specialTokens: null);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException
                                       or Google.Protobuf.InvalidProtocolBufferException)
        {
            throw new InvalidDataException($"Cannot load SentencePiece model '{path}': {ex.Message}", ex);
        }

        if (tokenizer.EndOfSentenceId < 0)
        {
            throw new InvalidDataException($"SentencePiece model '{path}' has no end-of-sentence piece to end documents with.");
        }

        return new TextTokenizer(tokenizer, name, tokenizer.Vocabulary.Count, tokenizer.EndOfSentenceId);
    }
}
