using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CurationPipeline.Documents.Internal;

namespace CurationPipeline.Filters;

/// <summary>
/// Character Markov models of many languages in one lookup table, scored as a naive-Bayes language identifier. The statistics
/// are Lingua's (the <c>unigrams</c>, <c>bigrams</c> and <c>trigrams</c> files its NuGet package copies beside the application:
/// P(c), P(c₂|c₁) and P(c₃|c₁c₂) over lower-cased letters within words); the scoring is ours.
/// </summary>
/// <remarks>
/// <para>Why not Lingua's own detector: it spends about 9 µs per character (string n-grams, one dictionary per language and
/// order), which made language ID 85 % of the English filter cascade. Here every n-gram is packed into a 64-bit key and looked
/// up once for all languages; the entry lists the languages that have it. A letter costs three lookups (trigram, bigram,
/// unigram) and two vector passes over the language scores.</para>
/// <para>Scoring: each letter adds, per language, the log of P(c₃|c₁c₂) when that language has the trigram, else
/// <see cref="BackoffLogWeight"/> + log P(c₃|c₂), else twice that weight + log P(c₃), else <see cref="UnseenLog"/> (a letter the
/// language never uses: this is what separates most scripts). The first letter of a word starts at the unigram, the second
/// at the bigram, with the same one weight per step down. Marks (Unicode Mn/Mc/Me) are
/// skipped inside a word, as Lingua's training text has none; any other non-letter ends the word.</para>
/// <para>The score of the top language is its posterior under a uniform prior, 1 / Σ exp(sₗ − s_top), times the share of the
/// text's letters in 64-letter windows that agree with it on their own (the language scores within 4 nats of the window's best,
/// so windows that cannot tell sibling languages apart count for both). The posterior alone is near 1 for any text
/// of a few hundred letters, also for a page half in another language; the share makes the score fall with the mix, as
/// fastText's does, so a cut such as FineWeb's 0.65 drops mixed pages.</para>
/// <para>Chinese, Japanese and Korean have unigram models only, and Lingua's Chinese one is traditional Chinese, so, as in
/// Lingua, a script rule decides text whose letters are mostly Han, kana or Hangul: Hangul → ko; kana at least 5 % of the Han
/// and kana letters → ja; else zh. The score is then the share of the text's letters in that script group (a Japanese page
/// with 40 % Latin letters scores 0.6), not a posterior.</para>
/// <para>One load per models folder and language set per process (cached); instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class CharNgramLanguageModels
{
    /// <summary>Log weight added per backoff step (stupid backoff's 0.4).</summary>
    public static readonly float BackoffLogWeight = MathF.Log(0.4f);

    /// <summary>Log probability of a letter a language's unigram model lacks.</summary>
    public static readonly float UnseenLog = MathF.Log(1e-7f);

    private const int MaxOrder = 3;
    private const int WindowLetters = 64; // about a dozen words: the unit whose own top language measures agreement
    private const float WindowMargin = 4; // nats (a likelihood ratio of ~55) within which a window agrees with a language
    private const int MaxLanguages = 256;
    private static readonly string[] s_files = ["unigrams.json.br", "bigrams.json.br", "trigrams.json.br"];
    private static readonly ConcurrentDictionary<string, Lazy<CharNgramLanguageModels>> s_cache = new(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, int> _languageIndex;
    private readonly FrozenDictionary<ulong, int> _slots;
    private readonly int[] _slotStart;
    private readonly byte[] _entryLanguage;
    private readonly float[] _entryLog;

    private CharNgramLanguageModels(string[] languages, FrozenDictionary<ulong, int> slots, int[] slotStart, byte[] entryLanguage, float[] entryLog)
    {
        Languages = languages;
        _languageIndex = languages.Select((code, index) => (code, index)).ToFrozenDictionary(p => p.code, p => p.index, StringComparer.Ordinal);
        _slots = slots;
        _slotStart = slotStart;
        _entryLanguage = entryLanguage;
        _entryLog = entryLog;
    }

    /// <summary>The language codes (the model folder names, ISO 639-1), in index order (alphabetical).</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>The folder Lingua's package copies beside the application.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels");

    /// <summary>The language codes that have a model folder in <paramref name="directory"/>.</summary>
    /// <param name="directory">A folder with one sub-folder per language code.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlySet<string> AvailableLanguages(string directory) =>
        Directory.EnumerateDirectories(directory).Select(d => Path.GetFileName(d).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Loads (once per process) the models of <paramref name="languages"/> from <paramref name="directory"/>.</summary>
    /// <param name="directory">A folder with one sub-folder per language code, each holding Lingua's Brotli JSON n-gram files.</param>
    /// <param name="languages">Codes to load; empty loads every language in the folder.</param>
    /// <returns>The shared instance.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A code has no model folder (the message lists those that do).</exception>
    /// <exception cref="InvalidDataException">A model file is not Lingua's format.</exception>
    public static CharNgramLanguageModels Load(string directory, IReadOnlyCollection<string> languages)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(languages);
        string full = Path.GetFullPath(directory);
        string[] wanted = [.. languages.Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string key = full + "|" + string.Join(',', wanted);
        Lazy<CharNgramLanguageModels> lazy = s_cache.GetOrAdd(key, _ => new Lazy<CharNgramLanguageModels>(() => Read(full, wanted)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            s_cache.TryRemove(key, out _); // a failed load (missing folder) must not stick for the process
            throw;
        }
    }

    /// <summary>Classifies the letters of <paramref name="text"/>.</summary>
    /// <param name="text">Text of any length (the caller bounds it).</param>
    /// <returns>The index into <see cref="Languages"/> of the most likely language and its score (see the remarks), or (-1, 0) when the text has no letters.</returns>
    public (int Language, double Score) Classify(ReadOnlySpan<char> text)
    {
        int count = Languages.Count;
        Span<double> totals = stackalloc double[count];
        Span<float> partial = stackalloc float[count]; // float sums of one window, then added to the doubles
        Span<float> letter = stackalloc float[count];
        Span<int> agreeing = stackalloc int[count]; // letters of the windows each language wins
        totals.Clear();
        partial.Clear();
        agreeing.Clear();
        uint c1 = 0, c2 = 0; // the previous two letters of the current word (0 = none)
        int letters = 0, han = 0, kana = 0, hangul = 0;
        for (int i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            i += consumed;
            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (!Rune.IsLetter(rune))
            {
                c1 = c2 = 0;
                continue;
            }

            uint c = (uint)Rune.ToLowerInvariant(rune).Value;
            switch (CjkScripts.Of(c))
            {
                case CjkScript.Han: han++; break;
                case CjkScript.Kana: kana++; break;
                case CjkScript.Hangul: hangul++; break;
            }

            // The highest order the word allows so far is scored as is; each order below it pays one backoff weight.
            int backoffs = c1 != 0 ? 2 : c2 != 0 ? 1 : 0;
            letter.Fill(UnseenLog);
            Apply(c, backoffs * BackoffLogWeight, letter);
            if (c2 != 0)
            {
                Apply(Pack(c2, c), (backoffs - 1) * BackoffLogWeight, letter);
                if (c1 != 0)
                {
                    Apply(Pack(Pack(c1, c2), c), 0, letter);
                }
            }

            Add(partial, letter);
            c1 = c2;
            c2 = c;
            if (++letters % WindowLetters == 0)
            {
                Flush(partial, totals, agreeing, WindowLetters);
            }
        }

        Flush(partial, totals, agreeing, letters % WindowLetters);

        if (letters == 0)
        {
            return (-1, 0);
        }

        if (2 * (han + kana + hangul) > letters && DecideCjk(han, kana, hangul, letters) is { Language: >= 0 } cjk)
        {
            return cjk;
        }

        int best = 0;
        for (int l = 1; l < count; l++)
        {
            if (totals[l] > totals[best])
            {
                best = l;
            }
        }

        double denominator = 0;
        foreach (double total in totals)
        {
            denominator += Math.Exp(total - totals[best]);
        }

        return (best, (double)agreeing[best] / letters / denominator);
    }

    private (int Language, double Score) DecideCjk(int han, int kana, int hangul, int letters)
    {
        (string code, int scriptLetters) = hangul >= han + kana ? ("ko", hangul)
            : 20 * kana >= han + kana ? ("ja", han + kana)
            : ("zh", han);
        return (_languageIndex.GetValueOrDefault(code, -1), (double)scriptLetters / letters);
    }

    /// <summary>
    /// Adds a window's sums to the totals and credits its letters to every language within <see cref="WindowMargin"/> of the
    /// window's best: sibling languages (hr/sr/bs, da/nb, id/ms) that a window cannot tell apart all count as agreeing.
    /// </summary>
    private static void Flush(Span<float> partial, Span<double> totals, Span<int> agreeing, int windowLetters)
    {
        if (windowLetters == 0)
        {
            return;
        }

        float best = float.NegativeInfinity;
        for (int l = 0; l < totals.Length; l++)
        {
            totals[l] += partial[l];
            best = MathF.Max(best, partial[l]);
        }

        for (int l = 0; l < totals.Length; l++)
        {
            agreeing[l] += partial[l] >= best - WindowMargin ? windowLetters : 0;
        }

        partial.Clear();
    }

    private static ulong Pack(ulong prefix, uint codePoint) => (prefix << 21) | codePoint;

    /// <summary>Overwrites the languages that have n-gram <paramref name="key"/> with its log probability plus <paramref name="weight"/>.</summary>
    private void Apply(ulong key, float weight, Span<float> letter)
    {
        if (!_slots.TryGetValue(key, out int slot))
        {
            return;
        }

        for (int e = _slotStart[slot]; e < _slotStart[slot + 1]; e++)
        {
            letter[_entryLanguage[e]] = _entryLog[e] + weight;
        }
    }

    private static void Add(Span<float> totals, ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Span<Vector<float>> t = MemoryMarshal.Cast<float, Vector<float>>(totals);
            ReadOnlySpan<Vector<float>> v = MemoryMarshal.Cast<float, Vector<float>>(values);
            for (int k = 0; k < t.Length; k++)
            {
                t[k] += v[k];
            }

            i = t.Length * Vector<float>.Count;
        }

        for (; i < totals.Length; i++)
        {
            totals[i] += values[i];
        }
    }

    private static CharNgramLanguageModels Read(string directory, string[] wanted)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Language models folder '{directory}' does not exist (the SearchPioneer.Lingua package copies it beside the application as Lingua/LanguageModels).");
        }

        string[] available = [.. Directory.GetDirectories(directory).Select(Path.GetFileName).OfType<string>()
            .Where(d => File.Exists(Path.Combine(directory, d, s_files[0]))).Order(StringComparer.Ordinal)];
        string[] missing = [.. wanted.Except(available, StringComparer.Ordinal)];
        if (missing.Length > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LanguageIdOptions.CandidateLanguages), string.Join(", ", missing),
                $"No language model for these codes in '{directory}'; available: {string.Join(' ', available)}.");
        }

        string[] languages = wanted.Length > 0 ? wanted : available;
        if (languages.Length is 0 or > MaxLanguages)
        {
            throw new InvalidDataException($"'{directory}' holds {languages.Length} language models; 1 to {MaxLanguages} are supported.");
        }

        var entries = new Dictionary<ulong, List<(byte Language, float Log)>>();
        for (int l = 0; l < languages.Length; l++)
        {
            for (int order = 1; order <= MaxOrder; order++)
            {
                string path = Path.Combine(directory, languages[l], s_files[order - 1]);
                if (File.Exists(path))
                {
                    ReadFile(path, order, (byte)l, entries);
                }
            }
        }

        ulong[] keys = [.. entries.Keys];
        var slotStart = new int[keys.Length + 1];
        var slotOf = new Dictionary<ulong, int>(keys.Length);
        int total = entries.Values.Sum(e => e.Count);
        var entryLanguage = new byte[total];
        var entryLog = new float[total];
        int next = 0;
        for (int s = 0; s < keys.Length; s++)
        {
            slotOf[keys[s]] = s;
            slotStart[s] = next;
            foreach ((byte language, float log) in entries[keys[s]])
            {
                entryLanguage[next] = language;
                entryLog[next++] = log;
            }
        }

        slotStart[keys.Length] = next;
        return new CharNgramLanguageModels(languages, slotOf.ToFrozenDictionary(), slotStart, entryLanguage, entryLog);
    }

    /// <summary>Reads one Lingua file: <c>{"language": …, "ngrams": {"count/total": "ngram ngram …", …}}</c>.</summary>
    private static void ReadFile(string path, int order, byte language, Dictionary<ulong, List<(byte, float)>> entries)
    {
        byte[] json;
        using (var brotli = new BrotliStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var buffer = new MemoryStream())
        {
            brotli.CopyTo(buffer);
            json = buffer.ToArray();
        }

        var reader = new Utf8JsonReader(json);
        int depth = 0;
        bool inNgrams = false;
        float log = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    depth++;
                    break;
                case JsonTokenType.EndObject:
                    depth--;
                    inNgrams = false;
                    break;
                case JsonTokenType.PropertyName when depth == 1:
                    inNgrams = reader.ValueTextEquals("ngrams"u8);
                    break;
                case JsonTokenType.PropertyName when depth == 2 && inNgrams:
                    log = ParseFractionLog(reader.GetString()!, path);
                    break;
                case JsonTokenType.String when depth == 2 && inNgrams:
                    foreach (string ngram in reader.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (TryPackNgram(ngram, order, out ulong key))
                        {
                            if (!entries.TryGetValue(key, out List<(byte, float)>? list))
                            {
                                entries[key] = list = [];
                            }

                            list.Add((language, log));
                        }
                    }

                    break;
            }
        }
    }

    private static float ParseFractionLog(string fraction, string path)
    {
        int slash = fraction.IndexOf('/');
        if (slash <= 0
            || !double.TryParse(fraction.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out double numerator)
            || !double.TryParse(fraction.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out double denominator)
            || numerator <= 0 || denominator < numerator)
        {
            throw new InvalidDataException($"'{path}': '{fraction}' is not a probability written as count/total.");
        }

        return (float)Math.Log(numerator / denominator);
    }

    private static bool TryPackNgram(string ngram, int order, out ulong key)
    {
        key = 0;
        int runes = 0;
        foreach (Rune rune in ngram.EnumerateRunes())
        {
            key = Pack(key, (uint)rune.Value);
            runes++;
        }

        return runes == order;
    }
}
