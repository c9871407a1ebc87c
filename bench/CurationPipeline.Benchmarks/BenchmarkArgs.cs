using System.Globalization;

namespace CurationPipeline.Benchmarks;

/// <summary>The benchmarks' <c>--name value</c> options.</summary>
internal static class BenchmarkArgs
{
    /// <summary>The value after <paramref name="name"/>, or <c>null</c> when the option is absent.</summary>
    public static string? String(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        String(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static double Double(string[] args, string name, double fallback) =>
        String(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
