using System.Buffers;

namespace CurationPipeline.Filters.Internal;

/// <summary>Character tables shared by the filters.</summary>
internal static class CharSets
{
    /// <summary>datatrove's <c>PUNCTUATION_SET</c> (<c>utils/text.py</c>): ASCII and CJK punctuation plus the C0 and C1 control characters except tab and line feed.</summary>
    public static readonly SearchValues<char> Punctuation = SearchValues.Create(BuildPunctuation());

    /// <summary>
    /// Terminal punctuation for FineWeb's line rule: the sentence- and clause-ending marks of Unicode's Terminal_Punctuation
    /// property in common scripts, plus the closing quotes datatrove's default stop characters include.
    /// </summary>
    public static readonly SearchValues<char> TerminalPunctuation = SearchValues.Create(
        ".!?'\"" + // datatrove's original stop chars
        "\u0589\u061F\u06D4\u0700\u0701\u0702\u07F9\u0964\u0965\u104A\u104B\u1362\u1367\u1368\u166E\u1803\u1809\u1944\u1945" +
        "\u203C\u203D\u2047\u2048\u2049\u2E2E\u2E3C\u3002\uA4FF\uA60E\uA60F\uA6F3\uA6F7\uA876\uA877\uA8CE\uA8CF\uA92F" +
        "\uA9C8\uA9C9\uAA5D\uAA5E\uAA5F\uAAF0\uAAF1\uABEB\uFE52\uFE56\uFE57\uFF01\uFF0E\uFF1F\uFF61\u2026");

    private static string BuildPunctuation()
    {
        var chars = new System.Text.StringBuilder("!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»");
        foreach ((int from, int to) in new[] { (0, 9), (11, 13), (13, 32), (127, 160) })
        {
            for (int c = from; c < to; c++)
            {
                chars.Append((char)c);
            }
        }

        return chars.ToString();
    }
}
