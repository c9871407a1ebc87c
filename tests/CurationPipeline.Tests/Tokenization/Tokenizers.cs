using System.Collections.Concurrent;
using CurationPipeline.Tokenization;

namespace CurationPipeline.Tests.Tokenization;

/// <summary>Built-in tokenizers loaded once per test run (each load takes 0.1–0.2 s).</summary>
internal static class Tokenizers
{
    private static readonly ConcurrentDictionary<string, Lazy<TextTokenizer>> s_cache = new(StringComparer.Ordinal);

    public static TextTokenizer Get(string name) =>
        s_cache.GetOrAdd(name, n => new Lazy<TextTokenizer>(() => TokenizerFactory.Create(new TokenizerOptions { Name = n }))).Value;
}
