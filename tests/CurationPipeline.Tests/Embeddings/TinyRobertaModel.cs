using System.Text;
using System.Text.Json;

namespace CurationPipeline.Tests.Embeddings;

/// <summary>
/// Writes a model directory with a RoBERTa encoder's interface: <c>model.onnx</c> taking <c>input_ids</c> and
/// <c>attention_mask</c> (int64 [batch, sequence]) and producing <c>last_hidden_state</c> (float [batch, sequence, hidden]) by a
/// <c>Gather</c> from an embedding table, plus a byte-level BPE <c>vocab.json</c>/<c>merges.txt</c> with RoBERTa's special tokens.
/// </summary>
/// <remarks>The ONNX file is a protobuf <c>ModelProto</c> written by hand (onnx.proto3 field numbers), since no ONNX writer is available offline.</remarks>
internal sealed class TinyRobertaModel : IDisposable
{
    public const int Hidden = 8;

    private TinyRobertaModel(string directory, Dictionary<string, int> vocabulary, float[] table)
    {
        Directory = directory;
        Vocabulary = vocabulary;
        Table = table;
    }

    /// <summary>The model directory (deleted on dispose).</summary>
    public string Directory { get; }

    /// <summary>Token → id, including &lt;s&gt;=0, &lt;pad&gt;=1, &lt;/s&gt;=2, &lt;unk&gt;=3.</summary>
    public Dictionary<string, int> Vocabulary { get; }

    /// <summary>The embedding table, row-major <c>[vocabulary, Hidden]</c>.</summary>
    public float[] Table { get; }

    /// <summary>Writes the directory. <paramref name="extraInput"/> adds a graph input an encoder does not have.</summary>
    public static TinyRobertaModel Create(string? extraInput = null)
    {
        string directory = Path.Combine(Path.GetTempPath(), "curate-tiny-roberta-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal) { ["<s>"] = 0, ["<pad>"] = 1, ["</s>"] = 2, ["<unk>"] = 3 };
        foreach (char c in ByteLevelAlphabet())
        {
            vocabulary.TryAdd(c.ToString(), vocabulary.Count);
        }

        string[] merges = ["h e", "l l", "he ll", "Ġ w", "o r", "Ġw or"];
        foreach (string merge in merges)
        {
            vocabulary.TryAdd(merge.Replace(" ", ""), vocabulary.Count);
        }

        var random = new Random(42);
        var table = new float[vocabulary.Count * Hidden];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (float)(random.NextDouble() * 2 - 1);
        }

        File.WriteAllText(Path.Combine(directory, "vocab.json"), JsonSerializer.Serialize(vocabulary));
        File.WriteAllLines(Path.Combine(directory, "merges.txt"), ["#version: 0.2", .. merges]);
        File.WriteAllBytes(Path.Combine(directory, "model.onnx"), WriteModel(vocabulary.Count, table, extraInput));
        return new TinyRobertaModel(directory, vocabulary, table);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>GPT-2's bytes_to_unicode: the printable character each byte maps to.</summary>
    private static IEnumerable<char> ByteLevelAlphabet()
    {
        int extra = 0;
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            yield return printable ? (char)b : (char)(256 + extra++);
        }
    }

    private static byte[] WriteModel(int vocabularySize, float[] table, string? extraInput)
    {
        var graph = new OnnxProto();
        graph.Message(1, node => node                                   // NodeProto
            .String(1, "table").String(1, "input_ids").String(2, "last_hidden_state").String(3, "embed").String(4, "Gather"));
        graph.String(2, "tiny_roberta");
        graph.Message(5, tensor =>                                       // TensorProto initializer
        {
            tensor.Int64(1, vocabularySize).Int64(1, Hidden).Int64(2, 1).String(8, "table");
            var raw = new byte[table.Length * 4];
            Buffer.BlockCopy(table, 0, raw, 0, raw.Length);
            tensor.Bytes(9, raw);
        });
        graph.Message(11, v => OnnxProto.ValueInfo(v, "input_ids", 7, "batch", "sequence"));
        graph.Message(11, v => OnnxProto.ValueInfo(v, "attention_mask", 7, "batch", "sequence"));
        if (extraInput is not null)
        {
            graph.Message(11, v => OnnxProto.ValueInfo(v, extraInput, 7, "batch", "sequence"));
        }

        graph.Message(12, v => OnnxProto.ValueInfo(v, "last_hidden_state", 1, "batch", "sequence", Hidden));

        var model = new OnnxProto();
        model.Int64(1, 8).String(2, "curate-tests").Message(7, graph).Message(8, opset => opset.String(1, "").Int64(2, 13));
        return model.ToArray();
    }


}
