using System.Text;
using System.Text.Json;

namespace CurationPipeline.Tests.Tokenization;

/// <summary>Builds a small byte-level BPE tokenizer.json: the 256 GPT-2 byte symbols, three merges and added tokens.</summary>
internal static class TinyTokenizerJson
{
    public const int He = 256;       // "h" + "e"
    public const int SpaceT = 257;   // "Ġ" + "t"
    public const int SpaceThe = 258; // "Ġt" + "he"
    public const int EndOfText = 259;
    public const int Pad = 260;

    /// <summary>Writes the tokenizer to <paramref name="directory"/>; merges mix the "a b" and ["a","b"] forms.</summary>
    public static string Write(string directory, bool withEndOfText = true, string modelType = "BPE")
    {
        var vocab = new Dictionary<string, int>();
        char[] byteSymbols = ByteSymbols();
        for (int b = 0; b < 256; b++)
        {
            vocab[byteSymbols[b].ToString()] = b;
        }

        vocab["he"] = He;
        vocab["Ġt"] = SpaceT;
        vocab["Ġthe"] = SpaceThe;
        var added = new List<object> { new { id = Pad, content = "<pad>", special = true } };
        if (withEndOfText)
        {
            vocab["<|endoftext|>"] = EndOfText;
            added.Add(new { id = EndOfText, content = "<|endoftext|>", special = true });
        }

        var json = new
        {
            version = "1.0",
            added_tokens = added,
            pre_tokenizer = new { type = "ByteLevel", add_prefix_space = false },
            decoder = new { type = "ByteLevel" },
            model = new { type = modelType, vocab, merges = new object[] { new[] { "h", "e" }, "Ġ t", new[] { "Ġt", "he" } } },
        };
        string path = Path.Combine(directory, "tokenizer.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json), Encoding.UTF8);
        return path;
    }

    /// <summary>GPT-2's bytes_to_unicode table: printable bytes map to themselves, the rest to U+0100 and up.</summary>
    private static char[] ByteSymbols()
    {
        var symbols = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            symbols[b] = printable ? (char)b : (char)next++;
        }

        return symbols;
    }
}
