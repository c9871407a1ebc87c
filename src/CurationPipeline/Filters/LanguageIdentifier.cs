using System.Collections.Frozen;
using Lingua;

namespace CurationPipeline.Filters;

/// <summary>Detects a document's language with Lingua and keeps the configured languages above a score (FineWeb: English above 0.65).</summary>
/// <remarks>
/// <para>Why Lingua in low-accuracy mode over all languages: it is pure .NET (no native fastText), its trigram models cost about
/// 70 MB per process instead of about 2 GB, and on paragraph-length web text its accuracy matches high-accuracy mode (the
/// difference is on texts under about 120 characters, which the Gopher and C4 rules drop anyway). All languages stay candidates
/// because a restricted set forces wrong answers (Polish came back as Spanish in our check). Build one instance per process and
/// share it: detection is thread-safe.</para>
/// <para>The score is Lingua's confidence of the top language (the confidences of all candidates sum to 1). Only the first
/// <see cref="LanguageIdOptions.MaxChars"/> characters are read, cut at a space when one is near. Text with no letters
/// is <see cref="Unknown"/> with score 0.</para>
/// </remarks>
public sealed class LanguageIdentifier : ITextFilter
{
    /// <summary>The language code of text Lingua cannot classify.</summary>
    public const string Unknown = "unknown";

    private readonly LanguageDetector _detector;
    private readonly LanguageIdOptions _options;
    private readonly FrozenSet<string> _keep;

    /// <summary>Creates the detector (models load lazily on first use).</summary>
    /// <param name="options">Options; validated.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range or names an unknown language code.</exception>
    public LanguageIdentifier(LanguageIdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { KeepLanguages = [.. options.KeepLanguages], CandidateLanguages = [.. options.CandidateLanguages] };
        _keep = options.KeepLanguages.Select(c => c.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        LanguageDetectorBuilder builder = options.CandidateLanguages.Count == 0
            ? LanguageDetectorBuilder.FromAllLanguages()
            : LanguageDetectorBuilder.FromLanguages([.. options.CandidateLanguages.Select(ToLanguage)]);
        if (!options.HighAccuracy)
        {
            builder = builder.WithLowAccuracyMode();
        }

        if (options.ModelsDirectory is not null)
        {
            builder = builder.WithLanguageModelsDirectory(options.ModelsDirectory);
        }

        _detector = builder.Build();
    }

    /// <inheritdoc/>
    public string Name => "language";

    /// <inheritdoc/>
    public FilterOutcome Evaluate(string text, string? url)
    {
        LanguageSignals signals = ComputeSignals(text);
        return new FilterOutcome(Decide(signals), signals, null);
    }

    /// <summary>Detects the language of the start of <paramref name="text"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <returns>The language code and score.</returns>
    public LanguageSignals ComputeSignals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string sample = text.Length <= _options.MaxChars ? text : Prefix(text, _options.MaxChars);
        IReadOnlyDictionary<Language, double> confidences = _detector.ComputeLanguageConfidenceValues(sample);
        foreach ((Language language, double score) in confidences)
        {
            // Entries are sorted by confidence, descending: the first is the answer.
            return language == Language.Unknown || score <= 0
                ? new LanguageSignals(Unknown, 0)
                : new LanguageSignals(language.IsoCode6391().ToString().ToLowerInvariant(), Math.Clamp(score, 0, 1));
        }

        return new LanguageSignals(Unknown, 0);
    }

    /// <summary>Keeps a document whose language is kept and whose score exceeds the minimum.</summary>
    /// <param name="signals">Signals from <see cref="ComputeSignals"/>.</param>
    /// <returns>Keep, or drop with <see cref="FilterReasons.LanguageNotKept"/> or <see cref="FilterReasons.LanguageLowScore"/>.</returns>
    public FilterVerdict Decide(LanguageSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (_keep.Count > 0 && !_keep.Contains(signals.Language))
        {
            return FilterVerdict.Drop(FilterReasons.LanguageNotKept);
        }

        return signals.Score > _options.MinScore ? FilterVerdict.Kept : FilterVerdict.Drop(FilterReasons.LanguageLowScore);
    }

    private static string Prefix(string text, int maxChars)
    {
        int cut = text.AsSpan(0, maxChars).LastIndexOf(' ');
        return text[..(cut > maxChars / 2 ? cut : maxChars)];
    }

    private static Language ToLanguage(string code)
    {
        if (Enum.TryParse(code, ignoreCase: true, out IsoCode6391 iso))
        {
            return LanguageInfo.GetByIsoCode6391(iso);
        }

        throw new ArgumentOutOfRangeException(nameof(LanguageIdOptions.CandidateLanguages), code, "Not an ISO 639-1 code Lingua knows.");
    }
}
