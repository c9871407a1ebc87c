namespace CurationPipeline.Training.Model;

/// <summary>The shape of a <see cref="Gpt"/> (GPT-2 layout: pre-LayerNorm blocks, GELU MLP, tied embeddings).</summary>
/// <remarks>
/// Presets (<see cref="FromPreset"/>): <c>tiny</c> d=64, 2 layers, 4 heads, context 64 (tests);
/// <c>small</c> d=256, 4 layers, 4 heads, context 256; <c>d512</c> d=512, 8 layers, 8 heads, context 256 (the benchmark model);
/// <c>gpt2-124M</c> d=768, 12 layers, 12 heads, context 1024. The vocabulary comes from the data and is padded to a multiple
/// of 64 (<see cref="PaddedVocabularySize"/>), as nanoGPT does, so the LM head's matrix product stays aligned.
/// </remarks>
public sealed record GptOptions
{
    /// <summary>The preset names <see cref="FromPreset"/> accepts.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["tiny", "small", "d512", "gpt2-124M"];

    /// <summary>The number of token ids the data uses (the tokenizer's vocabulary size).</summary>
    public required int VocabularySize { get; init; }

    /// <summary>The longest sequence the model sees (position embeddings). Default 256.</summary>
    public int ContextLength { get; init; } = 256;

    /// <summary>The number of transformer blocks. Default 4.</summary>
    public int Layers { get; init; } = 4;

    /// <summary>The number of attention heads; must divide <see cref="EmbeddingSize"/>. Default 4.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>The residual stream width. Default 256.</summary>
    public int EmbeddingSize { get; init; } = 256;

    /// <summary><see cref="VocabularySize"/> rounded up to a multiple of 64.</summary>
    public int PaddedVocabularySize => (VocabularySize + 63) / 64 * 64;

    /// <summary>A preset shape for a vocabulary.</summary>
    /// <param name="preset">One of <see cref="PresetNames"/> (case-insensitive).</param>
    /// <param name="vocabularySize">The data's vocabulary size.</param>
    /// <exception cref="ArgumentException"><paramref name="preset"/> is not a known preset.</exception>
    public static GptOptions FromPreset(string preset, int vocabularySize) => preset.ToLowerInvariant() switch
    {
        "tiny" => new() { VocabularySize = vocabularySize, ContextLength = 64, Layers = 2, Heads = 4, EmbeddingSize = 64 },
        "small" => new() { VocabularySize = vocabularySize, ContextLength = 256, Layers = 4, Heads = 4, EmbeddingSize = 256 },
        "d512" => new() { VocabularySize = vocabularySize, ContextLength = 256, Layers = 8, Heads = 8, EmbeddingSize = 512 },
        "gpt2-124m" => new() { VocabularySize = vocabularySize, ContextLength = 1024, Layers = 12, Heads = 12, EmbeddingSize = 768 },
        _ => throw new ArgumentException($"Unknown model preset '{preset}'; known: {string.Join(", ", PresetNames)}.", nameof(preset)),
    };

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(VocabularySize, 2, nameof(VocabularySize));
        ArgumentOutOfRangeException.ThrowIfLessThan(ContextLength, 1, nameof(ContextLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(Layers, 1, nameof(Layers));
        ArgumentOutOfRangeException.ThrowIfLessThan(Heads, 1, nameof(Heads));
        ArgumentOutOfRangeException.ThrowIfLessThan(EmbeddingSize, 1, nameof(EmbeddingSize));
        if (EmbeddingSize % Heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Heads), Heads, $"{nameof(Heads)} must divide {nameof(EmbeddingSize)} ({EmbeddingSize}).");
        }
    }
}
