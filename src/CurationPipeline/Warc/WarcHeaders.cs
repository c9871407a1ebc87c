using System.Text;

namespace CurationPipeline.Warc;

/// <summary>The named fields of a WARC header block (or the fields synthesised from an ARC header line), in file order.</summary>
/// <remarks>
/// Parsed leniently: folded continuation lines join the previous value with one space, names compare ASCII
/// case-insensitively, repeated names are kept, and lines without a colon are counted in <see cref="JunkLineCount"/>.
/// Values are decoded as UTF-8 only when asked for. Immutable and thread-safe.
/// </remarks>
public sealed class WarcHeaders
{
    private readonly byte[] _block;
    private readonly Field[] _fields;

    private WarcHeaders(byte[] block, Field[] fields, int junkLines)
    {
        _block = block;
        _fields = fields;
        JunkLineCount = junkLines;
    }

    /// <summary>An empty header set.</summary>
    public static WarcHeaders Empty { get; } = new([], [], 0);

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Length;

    /// <summary>Header lines that were neither <c>name: value</c> nor a continuation (ignored).</summary>
    public int JunkLineCount { get; }

    /// <summary>The first value of <paramref name="name"/>, or <c>null</c>.</summary>
    /// <param name="name">Field name, any case.</param>
    public string? this[string name]
    {
        get
        {
            int i = IndexOf(name, 0);
            return i < 0 ? null : GetValue(i);
        }
    }

    /// <summary>The name of field <paramref name="index"/>.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>The name as written.</returns>
    public string GetName(int index)
    {
        Field f = _fields[index];
        return Encoding.UTF8.GetString(_block, f.NameStart, f.NameLength);
    }

    /// <summary>The value of field <paramref name="index"/>, folded lines joined by one space.</summary>
    /// <param name="index">0 to <see cref="Count"/> - 1.</param>
    /// <returns>The trimmed value.</returns>
    public string GetValue(int index)
    {
        ReadOnlySpan<byte> raw = _block.AsSpan(_fields[index].ValueStart, _fields[index].ValueLength);
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return Encoding.UTF8.GetString(raw.Trim(" \t"u8));
        }

        var sb = new StringBuilder(raw.Length);
        foreach (Range line in raw.Split((byte)'\n'))
        {
            ReadOnlySpan<byte> part = raw[line].Trim(" \t\r"u8);
            if (part.Length > 0)
            {
                sb.Append(sb.Length > 0 ? " " : "").Append(Encoding.UTF8.GetString(part));
            }
        }

        return sb.ToString();
    }

    /// <summary>Every value of <paramref name="name"/>, in order (WARC allows some fields to repeat, e.g. WARC-Protocol).</summary>
    /// <param name="name">Field name, any case.</param>
    /// <returns>The values; empty when the field is absent.</returns>
    public IReadOnlyList<string> GetValues(string name)
    {
        var values = new List<string>();
        for (int i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            values.Add(GetValue(i));
        }

        return values;
    }

    /// <summary>The raw trimmed bytes of the first value of <paramref name="name"/>; empty when absent.</summary>
    internal ReadOnlySpan<byte> GetValueBytes(string name)
    {
        int i = IndexOf(name, 0);
        return i < 0 ? default : _block.AsSpan(_fields[i].ValueStart, _fields[i].ValueLength);
    }

    /// <summary>Whether the field is present.</summary>
    internal bool Contains(string name) => IndexOf(name, 0) >= 0;

    /// <summary>Parses header lines (after the version line, without the blank terminator line). Never throws.</summary>
    internal static WarcHeaders Parse(ReadOnlySpan<byte> lines)
    {
        byte[] block = lines.ToArray();
        var fields = new List<Field>(16);
        int junk = 0;
        int pos = 0;
        while (pos < block.Length)
        {
            int nl = block.AsSpan(pos).IndexOf((byte)'\n');
            int lineEnd = nl < 0 ? block.Length : pos + nl;
            int next = nl < 0 ? block.Length : lineEnd + 1;
            ReadOnlySpan<byte> line = block.AsSpan(pos, lineEnd - pos).TrimEnd((byte)'\r');
            if (line.IsEmpty)
            {
                pos = next;
                continue;
            }

            if ((line[0] == (byte)' ' || line[0] == (byte)'\t') && fields.Count > 0)
            {
                Field last = fields[^1];
                int valueStart = last.ValueLength == 0 ? pos : last.ValueStart;
                fields[^1] = last with { ValueStart = valueStart, ValueLength = pos + line.Length - valueStart };
                pos = next;
                continue;
            }

            int colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                junk++;
                pos = next;
                continue;
            }

            ReadOnlySpan<byte> name = line[..colon].TrimEnd(" \t"u8);
            ReadOnlySpan<byte> rest = line[(colon + 1)..];
            ReadOnlySpan<byte> value = rest.Trim(" \t"u8);
            int valueOffset = pos + colon + 1 + (rest.Length - rest.TrimStart(" \t"u8).Length);
            fields.Add(new Field(pos, name.Length, valueOffset, value.Length));
            pos = next;
        }

        return new WarcHeaders(block, [.. fields], junk);
    }

    private int IndexOf(string name, int start)
    {
        for (int i = start; i < _fields.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(_block.AsSpan(_fields[i].NameStart, _fields[i].NameLength), name))
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct Field(int NameStart, int NameLength, int ValueStart, int ValueLength);
}
