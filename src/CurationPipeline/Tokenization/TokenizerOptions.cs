using CurationPipeline.Tokenization.Internal;

namespace CurationPipeline.Tokenization;

/// <summary>Which tokenizer the tokenize stage uses.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Property</term><description>Default</description></listheader>
/// <item><term><see cref="Name"/></term><description><c>cl100k_base</c></description></item>
/// <item><term><see cref="Path"/></term><description><c>null</c> (use a built-in encoding)</description></item>
/// </list>
/// Built-in names are <c>cl100k_base</c>, <c>o200k_base</c> and <c>gpt2</c>; their data ships inside the
/// Microsoft.ML.Tokenizers.Data packages, so no download happens. A file tokenizer is either a Hugging Face
/// byte-level BPE <c>tokenizer.json</c> or a SentencePiece <c>.model</c>; give it in <see cref="Path"/>, or give the path
/// itself as <see cref="Name"/>.
/// </remarks>
public sealed record TokenizerOptions
{
    /// <summary>The built-in encoding name, or a tokenizer file path; recorded in every output shard.</summary>
    public string Name { get; init; } = "cl100k_base";

    /// <summary>A <c>tokenizer.json</c> or SentencePiece <c>.model</c> file; when set, <see cref="Name"/> is only a label.</summary>
    public string? Path { get; init; }

    /// <summary>The tokenizer file to load, or <c>null</c> when <see cref="Name"/> is a built-in encoding.</summary>
    internal string? FilePath => Path ?? (TokenizerFactory.IsBuiltIn(Name) ? null : Name);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="Name"/> is empty, or it is neither a built-in name nor a <c>.json</c>/<c>.model</c> path while <see cref="Path"/> is unset,
    /// or <see cref="Path"/> does not end in <c>.json</c> or <c>.model</c>.
    /// </exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentOutOfRangeException(nameof(Name), Name, "A tokenizer name is required.");
        }

        string? file = FilePath;
        if (file is not null && TokenizerFactory.KindOf(file) == TokenizerFileKind.Unknown)
        {
            string property = Path is null ? nameof(Name) : nameof(Path);
            throw new ArgumentOutOfRangeException(property, file,
                $"Unknown tokenizer '{file}': use {string.Join(", ", TokenizerFactory.BuiltInNames)}, a tokenizer.json or a SentencePiece .model file.");
        }
    }
}
