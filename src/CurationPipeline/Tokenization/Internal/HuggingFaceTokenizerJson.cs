using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace CurationPipeline.Tokenization.Internal;

/// <summary>Loads a Hugging Face byte-level BPE <c>tokenizer.json</c> (GPT-2 style) into a <see cref="BpeTokenizer"/>.</summary>
/// <remarks>
/// Reads <c>model.vocab</c>, <c>model.merges</c> (<c>"a b"</c> strings or <c>["a","b"]</c> pairs) and <c>added_tokens</c>.
/// Pre-tokenization uses the GPT-2 pattern without special-token splitting, so added tokens spelled in text stay plain text.
/// </remarks>
internal static class HuggingFaceTokenizerJson
{
    /// <summary>End-of-document candidates among the added tokens, most preferred first.</summary>
    private static readonly string[] s_endOfDocumentTokens = ["<|endoftext|>", "</s>", "<|end_of_text|>", "<eos>", "<|eos|>"];

    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON, is not a byte-level BPE tokenizer, or has no end-of-document token.</exception>
    public static TextTokenizer Load(string path, string name)
    {
        using FileStream stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Tokenizer file '{path}' is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return Load(document.RootElement, path, name);
        }
    }

    private static TextTokenizer Load(JsonElement root, string path, string name)
    {
        if (!root.TryGetProperty("model", out JsonElement model) || model.ValueKind != JsonValueKind.Object
            || !model.TryGetProperty("type", out JsonElement type) || type.GetString() != "BPE")
        {
            throw new InvalidDataException($"Tokenizer file '{path}' has no model of type BPE; only byte-level BPE tokenizer.json files are supported.");
        }

        if (!HasByteLevel(root, "pre_tokenizer") && !HasByteLevel(root, "decoder"))
        {
            throw new InvalidDataException($"Tokenizer file '{path}' is BPE but not byte-level (no ByteLevel pre-tokenizer or decoder).");
        }

        if (!model.TryGetProperty("vocab", out JsonElement vocabElement) || vocabElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"Tokenizer file '{path}' has no model.vocab object.");
        }

        var vocabulary = new List<KeyValuePair<string, int>>();
        int maxId = -1;
        foreach (JsonProperty entry in vocabElement.EnumerateObject())
        {
            int id = entry.Value.GetInt32();
            vocabulary.Add(new(entry.Name, id));
            maxId = Math.Max(maxId, id);
        }

        var specialTokens = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("added_tokens", out JsonElement added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement token in added.EnumerateArray())
            {
                int id = token.GetProperty("id").GetInt32();
                specialTokens[token.GetProperty("content").GetString() ?? ""] = id;
                maxId = Math.Max(maxId, id);
            }
        }

        int endOfDocumentId = -1;
        foreach (string candidate in s_endOfDocumentTokens)
        {
            if (specialTokens.TryGetValue(candidate, out endOfDocumentId))
            {
                break;
            }

            endOfDocumentId = -1;
        }

        if (endOfDocumentId < 0)
        {
            throw new InvalidDataException(
                $"Tokenizer file '{path}' has no end-of-document token among its added_tokens (looked for {string.Join(", ", s_endOfDocumentTokens)}).");
        }

        var options = new BpeOptions(vocabulary)
        {
            Merges = ReadMerges(model, path),
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(TiktokenEncodings.Gpt2Pattern(), specialTokens: null),
            SpecialTokens = specialTokens,
        };
        return new TextTokenizer(BpeTokenizer.Create(options), name, maxId + 1, endOfDocumentId);
    }

    private static List<string> ReadMerges(JsonElement model, string path)
    {
        var merges = new List<string>();
        if (!model.TryGetProperty("merges", out JsonElement element) || element.ValueKind != JsonValueKind.Array)
        {
            return merges;
        }

        foreach (JsonElement merge in element.EnumerateArray())
        {
            if (merge.ValueKind == JsonValueKind.String)
            {
                merges.Add(merge.GetString()!);
            }
            else if (merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2)
            {
                merges.Add($"{merge[0].GetString()} {merge[1].GetString()}");
            }
            else
            {
                throw new InvalidDataException($"Tokenizer file '{path}' has a merge that is neither \"a b\" nor [\"a\", \"b\"]: {merge.GetRawText()}");
            }
        }

        return merges;
    }

    /// <summary>Whether <c>root[property]</c> is, or is a sequence containing, a <c>ByteLevel</c> component.</summary>
    private static bool HasByteLevel(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out JsonElement component) || component.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (component.TryGetProperty("type", out JsonElement type) && type.GetString() == "ByteLevel")
        {
            return true;
        }

        foreach (string listName in (ReadOnlySpan<string>)["pretokenizers", "decoders"])
        {
            if (component.TryGetProperty(listName, out JsonElement list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in list.EnumerateArray())
                {
                    if (item.TryGetProperty("type", out JsonElement itemType) && itemType.GetString() == "ByteLevel")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
