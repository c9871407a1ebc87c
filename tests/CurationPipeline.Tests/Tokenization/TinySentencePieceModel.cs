using System.Text;

namespace CurationPipeline.Tests.Tokenization;

/// <summary>
/// Writes a small SentencePiece BPE <c>.model</c> (a protobuf <c>ModelProto</c>, encoded by hand): &lt;unk&gt;, &lt;s&gt;, &lt;/s&gt;,
/// the 256 byte-fallback pieces, the printable ASCII characters, <c>▁</c>, and a few merged pieces; identity normalization.
/// </summary>
internal static class TinySentencePieceModel
{
    public const int EndOfSentence = 2;
    public const int SpaceThe = 261; // after 3 specials, 256 bytes, "▁t", "he"
    public const int SpaceA = 262;
    private const int Normal = 1, Unknown = 2, Control = 3, Byte = 6;

    public static int PieceCount { get; private set; }

    public static string Write(string directory)
    {
        var pieces = new List<(string Piece, float Score, int Type)> { ("<unk>", 0, Unknown), ("<s>", 0, Control), ("</s>", 0, Control) };
        for (int b = 0; b < 256; b++)
        {
            pieces.Add(($"<0x{b:X2}>", 0, Byte));
        }

        string[] merged = ["▁t", "he", "▁the", "▁a"];
        for (int i = 0; i < merged.Length; i++)
        {
            pieces.Add((merged[i], -1 - i, Normal)); // higher score merges first
        }

        pieces.Add(("▁", -10, Normal));
        for (char c = '!'; c <= '~'; c++)
        {
            pieces.Add((c.ToString(), -20 - c, Normal));
        }

        PieceCount = pieces.Count;
        var model = new MemoryStream();
        foreach ((string piece, float score, int type) in pieces)
        {
            var message = new MemoryStream();
            WriteString(message, 1, piece);
            WriteTag(message, 2, 5);
            message.Write(BitConverter.GetBytes(score));
            WriteVarintField(message, 3, type);
            WriteBytes(model, 1, message.ToArray());
        }

        var trainer = new MemoryStream();
        WriteVarintField(trainer, 3, 2); // model_type = BPE
        WriteVarintField(trainer, 4, pieces.Count); // vocab_size
        WriteVarintField(trainer, 35, 1); // byte_fallback
        WriteVarintField(trainer, 40, 0); // unk_id
        WriteVarintField(trainer, 41, 1); // bos_id
        WriteVarintField(trainer, 42, EndOfSentence); // eos_id
        WriteVarintField(trainer, 43, -1); // pad_id
        WriteBytes(model, 2, trainer.ToArray());

        var normalizer = new MemoryStream();
        WriteString(normalizer, 1, "identity");
        WriteVarintField(normalizer, 3, 0); // add_dummy_prefix
        WriteVarintField(normalizer, 4, 0); // remove_extra_whitespaces
        WriteVarintField(normalizer, 5, 1); // escape_whitespaces
        WriteBytes(model, 3, normalizer.ToArray());

        string path = Path.Combine(directory, "tiny.model");
        File.WriteAllBytes(path, model.ToArray());
        return path;
    }

    private static void WriteString(Stream stream, int field, string value) => WriteBytes(stream, field, Encoding.UTF8.GetBytes(value));

    private static void WriteBytes(Stream stream, int field, byte[] value)
    {
        WriteTag(stream, field, 2);
        WriteVarint(stream, (ulong)value.Length);
        stream.Write(value);
    }

    private static void WriteVarintField(Stream stream, int field, long value)
    {
        WriteTag(stream, field, 0);
        WriteVarint(stream, unchecked((ulong)value));
    }

    private static void WriteTag(Stream stream, int field, int wireType) => WriteVarint(stream, (ulong)((field << 3) | wireType));

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
