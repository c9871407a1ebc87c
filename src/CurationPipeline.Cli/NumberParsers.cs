using System.CommandLine.Parsing;
using System.Globalization;

namespace CurationPipeline.Cli;

/// <summary>Number parsers for options whose errors name the option and the value, never the CLR type (<c>--workers: 'abc' is not an integer</c>).</summary>
internal static class NumberParsers
{
    /// <summary>Parses an optional <see cref="int"/>.</summary>
    public static int? Int32(ArgumentResult result) => Parse(result, "an integer", (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Parses an optional <see cref="long"/>.</summary>
    public static long? Int64(ArgumentResult result) => Parse(result, "an integer", (string s, out long v) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    /// <summary>Parses an optional <see cref="ulong"/>.</summary>
    public static ulong? UInt64(ArgumentResult result) => Parse(result, "a non-negative integer", (string s, out ulong v) => ulong.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v));

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Parse<T>(ArgumentResult result, string expected, TryParse<T> tryParse)
        where T : struct
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[^1].Value;
        if (tryParse(text, out T value))
        {
            return value;
        }

        string name = result.Parent is OptionResult option ? option.Option.Name : "value";
        result.AddError($"{name}: '{text}' is not {expected}.");
        return null;
    }
}
