using System.Text;

namespace CurationPipeline.Tests.Classifiers;

/// <summary>
/// Writes a folder with a tiny sequence classifier: <c>model.onnx</c> maps <c>input_ids</c> (and an unused
/// <c>attention_mask</c>) through <c>Gather</c> from a [vocabulary, 2] logit table and <c>ReduceMean</c> over the sequence to
/// <c>logits</c> float [batch, 2]; <c>vocab.txt</c> is a BERT WordPiece vocabulary.
/// </summary>
/// <remarks>
/// Rows: [PAD] [UNK] [CLS] [SEP] [MASK] score (0, 0); "good" (0, 5); "bad" (5, 0). So "good good" → tokens [CLS] good good [SEP] →
/// logits (0, 2.5). The ONNX protobuf is written by hand (onnx.proto3 field numbers, opset 13).
/// </remarks>
internal static class TinyOnnxClassifier
{
    public static string Create()
    {
        string directory = TestData.NewTempDirectory();
        string[] vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "good", "bad"];
        float[] table = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 0];
        File.WriteAllLines(Path.Combine(directory, "vocab.txt"), vocabulary);

        var graph = new OnnxProto();
        graph.Message(1, n => n.String(1, "table").String(1, "input_ids").String(2, "gathered").String(3, "gather").String(4, "Gather"));
        graph.Message(1, n => n.String(1, "gathered").String(2, "logits").String(3, "mean").String(4, "ReduceMean")
            .Message(5, a => a.String(1, "axes").Int64(8, 1).Int64(20, 7))                  // AttributeProto INTS
            .Message(5, a => a.String(1, "keepdims").Int64(3, 0).Int64(20, 2)));            // AttributeProto INT
        graph.String(2, "tiny_classifier");
        graph.Message(5, t =>
        {
            t.Int64(1, vocabulary.Length).Int64(1, 2).Int64(2, 1).String(8, "table");     // dims, FLOAT, name
            var raw = new byte[table.Length * 4];
            Buffer.BlockCopy(table, 0, raw, 0, raw.Length);
            t.Bytes(9, raw);
        });
        graph.Message(11, v => OnnxProto.ValueInfo(v, "input_ids", 7, "batch", "sequence"));
        graph.Message(11, v => OnnxProto.ValueInfo(v, "attention_mask", 7, "batch", "sequence"));
        graph.Message(12, v => OnnxProto.ValueInfo(v, "logits", 1, "batch", 2));
        var model = new OnnxProto();
        model.Int64(1, 8).String(2, "curate-tests").Bytes(7, graph.ToArray()).Message(8, o => o.String(1, "").Int64(2, 13));
        File.WriteAllBytes(Path.Combine(directory, "model.onnx"), model.ToArray());
        return directory;
    }


}
