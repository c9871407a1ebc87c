namespace CurationPipeline.Documents.Internal;

/// <summary>The scripts written without spaces between words, which text measures treat apart: Han, kana and Hangul.</summary>
internal static class CjkScripts
{
    /// <summary>Which of the three scripts a code point belongs to (with iteration marks, compatibility ideographs, half-width kana,
    /// Hangul jamo and the supplementary Han planes), or <see cref="CjkScript.None"/>.</summary>
    public static CjkScript Of(uint codePoint) => codePoint switch
    {
        >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9D => CjkScript.Kana,
        >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xAC00 and <= 0xD7AF => CjkScript.Hangul,
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x3005 and <= 0x3007 or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x323AF => CjkScript.Han,
        _ => CjkScript.None,
    };
}

/// <summary>A script written without spaces between words (<see cref="CjkScripts.Of"/>).</summary>
internal enum CjkScript
{
    None,
    Han,
    Kana,
    Hangul,
}
