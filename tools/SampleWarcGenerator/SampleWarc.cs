using System.Globalization;
using SampleWarcGenerator.Content;
using SampleWarcGenerator.Warc;

namespace SampleWarcGenerator;

/// <summary>Deterministically generates the bundled quickstart sample (sample-warc/ in the repository).</summary>
public static class SampleWarc
{
    /// <summary>The seed of the single <see cref="Random"/> that drives all generation.</summary>
    public const int Seed = 20260314;

    /// <summary>The file name of the JSON Lines sample, written next to the WARC.</summary>
    public const string DocsFileName = "quickstart-docs.jsonl";

    /// <summary>Generates the sample. Two calls return byte-identical output.</summary>
    /// <remarks>Formatting runs under the invariant culture, so the output does not depend on the machine's locale.</remarks>
    /// <returns>The WARC bytes, the JSON Lines bytes and a summary.</returns>
    public static SampleWarcOutput Generate()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var rng = new Random(Seed);
            Corpus corpus = CorpusBuilder.Build(rng);
            var composer = new WarcComposer(rng);
            byte[] warc = composer.Compose(corpus);
            byte[] docs = DocsJsonl.Create(corpus, rng);
            return new SampleWarcOutput(warc, docs, composer.Summary(warc.Length, docs.Length));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    /// <summary>Generates the sample and writes the WARC to <paramref name="warcPath"/> and the JSON Lines file beside it.</summary>
    /// <param name="warcPath">Where to write the WARC (normally sample-warc/quickstart.warc.gz).</param>
    /// <returns>The generated output (its <see cref="SampleWarcOutput.Summary"/> is worth printing).</returns>
    public static SampleWarcOutput WriteFiles(string warcPath)
    {
        SampleWarcOutput output = Generate();
        string directory = Path.GetDirectoryName(Path.GetFullPath(warcPath))!;
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(warcPath, output.Warc);
        File.WriteAllBytes(Path.Combine(directory, DocsFileName), output.DocsJsonl);
        return output;
    }
}
